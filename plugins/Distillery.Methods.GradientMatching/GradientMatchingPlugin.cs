using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.gradient-matching", "0.1.0", "Gradient matching (DC) and siamese augmentation (DSA).")]

namespace Distillery.Methods.GradientMatching;

public sealed class GradientMatchingPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
