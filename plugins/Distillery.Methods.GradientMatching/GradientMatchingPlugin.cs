using Distillery.Components;
using Distillery.Methods.GradientMatching;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.gradient-matching", "0.1.0", "Gradient matching (DC) and siamese augmentation (DSA).")]

namespace Distillery.Methods.GradientMatching;

public sealed class GradientMatchingPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        components.AddMethod<DcMethod, DcOptions>(
            "dc", "Dataset condensation: learns images whose training gradients match those of real images, class by class.");
        components.AddMethod<DsaMethod, DsaOptions>(
            "dsa", "Dataset condensation with differentiable siamese augmentation: gradient matching on identically augmented real and synthetic batches.");
    }
}
