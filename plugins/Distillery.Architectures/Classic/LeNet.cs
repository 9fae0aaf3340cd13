using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Classic;

/// <summary>
/// The reference LeNet: two 5x5 convolutions (6 and 16 channels; the first pads single-channel input by 2) with ReLU
/// and 2x2 max pooling, then 120 and 84 ReLU units and a linear classifier. The embedding is the 84 units.
/// </summary>
internal sealed class LeNet : Network
{
    private const int Hidden1 = 120;
    private const int Hidden2 = 84;

    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> fc_1;
    private readonly nn.Module<Tensor, Tensor> fc_2;
    private readonly nn.Module<Tensor, Tensor> fc_3;

    public LeNet(FeatureShape input, int numClasses)
        : base(nameof(LeNet))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        var padding = input.Channels == 1 ? 2 : 0;
        var shape = input.Convolved(6, kernel: 5, padding: padding).Pooled(2, 2).Convolved(16, kernel: 5).Pooled(2, 2);
        if (!shape.IsValid)
        {
            throw new UserErrorException($"LeNet needs larger input than {input}: its features would be {shape}.");
        }

        features = nn.Sequential(
            nn.Conv2d(input.Channels, 6, kernel_size: 5, padding: padding),
            nn.ReLU(inplace: true),
            nn.MaxPool2d(kernel_size: 2, stride: 2),
            nn.Conv2d(6, 16, kernel_size: 5),
            nn.ReLU(inplace: true),
            nn.MaxPool2d(kernel_size: 2, stride: 2));
        fc_1 = nn.Linear(shape.Size, Hidden1);
        fc_2 = nn.Linear(Hidden1, Hidden2);
        fc_3 = nn.Linear(Hidden2, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => Hidden2;

    public override Tensor Embed(Tensor input)
    {
        using var map = features.call(input);
        using var flat = map.flatten(1);
        using var first = fc_1.call(flat);
        first.relu_();
        var second = fc_2.call(first);
        second.relu_();
        return second;
    }

    public override Tensor Classify(Tensor embedding) => fc_3.call(embedding);
}
