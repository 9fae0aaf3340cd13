using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Networks;

/// <summary>
/// A classification network that exposes its embedding: the features just before the classifier.
/// <c>forward(x) == Classify(Embed(x))</c>.
/// </summary>
public abstract class Network : nn.Module<Tensor, Tensor>
{
    protected Network(string name)
        : base(name)
    {
    }

    /// <summary>The length of the flat embedding <see cref="Embed"/> returns.</summary>
    public abstract int EmbeddingSize { get; }

    /// <summary>Features before the classifier, flattened to <c>[N, EmbeddingSize]</c>.</summary>
    public abstract Tensor Embed(Tensor input);

    /// <summary>The classifier applied to an embedding.</summary>
    public abstract Tensor Classify(Tensor embedding);

    public override Tensor forward(Tensor input) => Classify(Embed(input));
}
