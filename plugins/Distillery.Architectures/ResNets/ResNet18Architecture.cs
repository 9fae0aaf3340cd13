using Distillery.Architectures.Layers;
using Distillery.Architectures.Variants;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Architectures.ResNets;

/// <summary>Builds <see cref="ResNet18"/> networks: <c>resnet18</c>, <c>resnet18:bn</c>.</summary>
internal sealed class ResNet18Architecture(IOptions<ResNet18Options> options) : IArchitecture
{
    internal static NormalizationVariants Normalizations { get; } =
        new("resnet18", NormalizationKind.InstanceNorm, NormalizationKind.BatchNorm);

    public IReadOnlyList<string> Variants => Normalizations.Names;

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var normalization = Normalizations.Parse(spec.Variant, options.Value.Normalization);
        return new ResNet18(new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses, normalization);
    }
}
