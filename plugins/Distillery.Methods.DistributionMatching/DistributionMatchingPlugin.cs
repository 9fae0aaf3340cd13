using Distillery.Components;
using Distillery.Methods.DistributionMatching;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.distribution-matching", "0.1.0", "Distribution matching (DM).")]

namespace Distillery.Methods.DistributionMatching;

public sealed class DistributionMatchingPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddMethod<DistributionMatchingMethod, DistributionMatchingOptions>(
            DistributionMatchingMethod.Name,
            "Distribution matching: learns images whose mean embedding under random networks matches the real class means.");
    }
}
