using Distillery.Architectures.Layers;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// The ConvNet family. <see cref="Variants"/> lists the 720 networks of the architecture-search space; any other
/// depth/width combination the variant grammar allows can be built too.
/// </summary>
internal sealed class ConvNetArchitecture(IOptions<ConvNetOptions> options) : IArchitecture
{
    private static readonly IReadOnlyList<string> SearchSpaceNames =
        [.. ConvNetVariant.SearchSpace.Select(s => s.Name)];

    public IReadOnlyList<string> Variants => SearchSpaceNames;

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = ConvNetVariant.Parse(spec.Variant, options.Value.ToSettings());
        if (settings.Normalization == NormalizationKind.GroupNorm && settings.Width % NormalizationLayers.GroupNormGroups != 0)
        {
            throw new UserErrorException(
                $"ConvNet {settings.Name}: group normalization splits the channels into {NormalizationLayers.GroupNormGroups} " +
                $"groups, so the width must be a multiple of {NormalizationLayers.GroupNormGroups}.");
        }

        return new ConvNet(settings, new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses);
    }
}
