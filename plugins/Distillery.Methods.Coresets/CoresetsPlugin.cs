using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.coresets", "0.1.0", "Coreset baselines: random, herding, k-center.")]

namespace Distillery.Methods.Coresets;

public sealed class CoresetsPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
