using Distillery.Components;
using Distillery.Methods.Coresets;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.coresets", "0.1.0", "Coreset baselines: random, herding, k-center.")]

namespace Distillery.Methods.Coresets;

public sealed class CoresetsPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        components.AddMethod<RandomMethod, RandomOptions>("random", "Random real images, the same number per class.");
        components.AddMethod<HerdingMethod, HerdingOptions>(
            "herding", "Herding: per class, greedily picks the real images whose embedding mean best matches the class mean.");
        components.AddMethod<KCenterMethod, KCenterOptions>(
            "kcenter", "K-center: per class, starts at the image nearest the mean, then adds the farthest image from those chosen.");
        components.Services.AddCoresetServices();
    }
}
