using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Classic;

/// <summary>
/// The reference's small AlexNet for 32x32 images: convolutions of 128 (5x5), 192 (5x5), 256, 192, 192 (3x3) channels
/// with ReLU and three 2x2 max poolings, then a linear classifier. The first convolution pads single-channel input by 4
/// so 28x28 images come out 32x32. With batch normalization after every convolution it is the reference's AlexNetBN.
/// </summary>
internal sealed class AlexNet : Network
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> fc;
    private readonly int embeddingSize;

    public AlexNet(FeatureShape input, int numClasses, NormalizationKind normalization = NormalizationKind.None)
        : base(nameof(AlexNet))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        Normalization = normalization;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var shape = input;

        void Block(long channels, long kernel, long padding, bool pool)
        {
            layers.Add(nn.Conv2d(shape.Channels, channels, kernel_size: kernel, padding: padding));
            shape = shape.Convolved(channels, kernel, padding);
            if (NormalizationLayers.ForChannels(normalization, channels) is { } norm)
            {
                layers.Add(norm);
            }

            layers.Add(nn.ReLU(inplace: true));
            if (pool)
            {
                layers.Add(nn.MaxPool2d(kernel_size: 2, stride: 2));
                shape = shape.Pooled(2, 2);
            }
        }

        Block(128, kernel: 5, padding: input.Channels == 1 ? 4 : 2, pool: true);
        Block(192, kernel: 5, padding: 2, pool: true);
        Block(256, kernel: 3, padding: 1, pool: false);
        Block(192, kernel: 3, padding: 1, pool: false);
        Block(192, kernel: 3, padding: 1, pool: true);
        if (!shape.IsValid)
        {
            throw new UserErrorException($"AlexNet needs larger input than {input}: its features would be {shape}.");
        }

        embeddingSize = checked((int)shape.Size);
        features = nn.Sequential(layers);
        fc = nn.Linear(embeddingSize, numClasses);
        RegisterComponents();
    }

    public NormalizationKind Normalization { get; }

    public override int EmbeddingSize => embeddingSize;

    public override Tensor Embed(Tensor input)
    {
        using var map = features.call(input);
        return map.flatten(1);
    }

    public override Tensor Classify(Tensor embedding) => fc.call(embedding);
}
