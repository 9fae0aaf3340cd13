using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("samples.class-mean", "1.0.0", "Sample plugin: the images nearest each class mean.")]

namespace Distillery.Samples.ClassMean;

/// <summary>The plugin's one registrar: the host finds it, constructs it and calls <see cref="Register"/>.</summary>
public sealed class ClassMeanPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddMethod<ClassMeanMethod, ClassMeanOptions>(
            "class-mean",
            "Coreset: per class, the real images nearest the class mean in pixel space.");
    }
}
