using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Classic;

/// <summary>
/// The reference MLP: the flattened image through two hidden ReLU layers, then a linear classifier. The embedding is
/// the second hidden layer's output.
/// </summary>
internal sealed class Mlp : Network
{
    private readonly nn.Module<Tensor, Tensor> fc_1;
    private readonly nn.Module<Tensor, Tensor> fc_2;
    private readonly nn.Module<Tensor, Tensor> fc_3;
    private readonly int hiddenWidth;

    public Mlp(FeatureShape input, int numClasses, int hiddenWidth = 128)
        : base(nameof(Mlp))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenWidth, 1);
        this.hiddenWidth = hiddenWidth;
        fc_1 = nn.Linear(input.Size, hiddenWidth);
        fc_2 = nn.Linear(hiddenWidth, hiddenWidth);
        fc_3 = nn.Linear(hiddenWidth, numClasses);
        RegisterComponents();
    }

    public override int EmbeddingSize => hiddenWidth;

    public override Tensor Embed(Tensor input)
    {
        using var flat = input.flatten(1);
        using var first = fc_1.call(flat);
        first.relu_();
        var second = fc_2.call(first);
        second.relu_();
        return second;
    }

    public override Tensor Classify(Tensor embedding) => fc_3.call(embedding);
}
