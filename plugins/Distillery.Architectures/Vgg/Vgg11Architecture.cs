using Distillery.Architectures.Layers;
using Distillery.Architectures.Variants;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Architectures.Vgg;

/// <summary>Builds <see cref="Vgg11"/> networks: <c>vgg11</c>, <c>vgg11:bn</c>.</summary>
internal sealed class Vgg11Architecture(IOptions<Vgg11Options> options) : IArchitecture
{
    internal static NormalizationVariants Normalizations { get; } =
        new("vgg11", NormalizationKind.InstanceNorm, NormalizationKind.BatchNorm);

    public IReadOnlyList<string> Variants => Normalizations.Names;

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var normalization = Normalizations.Parse(spec.Variant, options.Value.Normalization);
        return new Vgg11(new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses, normalization);
    }
}
