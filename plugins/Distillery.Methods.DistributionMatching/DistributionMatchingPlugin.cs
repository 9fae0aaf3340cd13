using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.distribution-matching", "0.1.0", "Distribution matching (DM).")]

namespace Distillery.Methods.DistributionMatching;

public sealed class DistributionMatchingPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
