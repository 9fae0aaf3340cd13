using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

/// <summary>A hand-made network: its layers in sequence (called with their hooks), flattened, with no classifier.</summary>
internal sealed class LayerNetwork : Network
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public LayerNetwork(params nn.Module<Tensor, Tensor>[] layers)
        : base(nameof(LayerNetwork))
    {
        this.layers = nn.Sequential(layers);
        RegisterComponents();
    }

    public override int EmbeddingSize => throw new NotSupportedException();

    public override Tensor Embed(Tensor input)
    {
        using var output = layers.call(input);
        return output.flatten(1);
    }

    public override Tensor Classify(Tensor embedding) => embedding.alias();
}
