using Distillery.Architectures.Layers;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// One member of the ConvNet family: <see cref="Depth"/> blocks of [3x3 convolution with <see cref="Width"/> channels,
/// normalization, activation, pooling]. <see cref="Name"/> is its canonical variant name, e.g.
/// <c>d3-w128-relu-instancenorm-avgpool</c>.
/// </summary>
internal sealed record ConvNetSettings(
    int Depth,
    int Width,
    ActivationKind Activation,
    NormalizationKind Normalization,
    PoolingKind Pooling)
{
    /// <summary>The reference ConvNet-3: width 128, ReLU, instance norm, average pooling.</summary>
    public static ConvNetSettings Default { get; } =
        new(3, 128, ActivationKind.Relu, NormalizationKind.InstanceNorm, PoolingKind.AvgPooling);

    public string Name => ConvNetVariant.Format(this);

    public override string ToString() => Name;
}
