using Distillery.Architectures.Layers;
using Distillery.Architectures.Variants;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Architectures.Classic;

/// <summary>Builds <see cref="Mlp"/> networks.</summary>
internal sealed class MlpArchitecture(IOptions<MlpOptions> options) : IArchitecture
{
    public IReadOnlyList<string> Variants => [];

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        NoVariants.Check(spec.Variant, "mlp");
        return new Mlp(new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses, options.Value.HiddenWidth);
    }
}
