using Distillery.Components;
using Distillery.Plugins;

// The manifest: the plugin's id, version and description. The contract version it was built for is recorded too.
[assembly: DistilleryPlugin("distillery-plugin-id", "1.0.0", "Picks, per class, the real images nearest the class mean.")]

namespace DistilleryPlugin1;

/// <summary>The plugin's one registrar: the host constructs it and calls <see cref="Register"/> once at start-up.</summary>
public sealed class Plugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);

        // Options are bound from Methods:example-component and validated before any work starts.
        components.AddMethod<ExampleMethod, ExampleMethodOptions>(
            "example-component",
            "Coreset: per class, the real images nearest the class mean (among a seeded random pool).");
    }
}
