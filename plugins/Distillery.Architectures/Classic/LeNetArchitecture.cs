using Distillery.Architectures.Layers;
using Distillery.Architectures.Variants;
using Distillery.Networks;

namespace Distillery.Architectures.Classic;

/// <summary>Builds <see cref="LeNet"/> networks. LeNet follows the reference exactly, so <see cref="LeNetOptions"/> is empty.</summary>
internal sealed class LeNetArchitecture : IArchitecture
{
    public IReadOnlyList<string> Variants => [];

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        NoVariants.Check(spec.Variant, "lenet");
        return new LeNet(new FeatureShape(spec.Channels, spec.Height, spec.Width), spec.NumClasses);
    }
}
