using Distillery.Architectures.Layers;
using Distillery.Architectures.Variants;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Architectures.Classic;

/// <summary>Builds <see cref="AlexNet"/> networks: <c>alexnet</c>, <c>alexnet:bn</c>.</summary>
internal sealed class AlexNetArchitecture(IOptions<AlexNetOptions> options) : IArchitecture
{
    internal static NormalizationVariants Normalizations { get; } =
        new("alexnet", NormalizationKind.None, NormalizationKind.BatchNorm);

    public IReadOnlyList<string> Variants => Normalizations.Names;

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var normalization = Normalizations.Parse(spec.Variant, options.Value.Normalization);
        return new AlexNet(new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses, normalization);
    }
}
