using Distillery.Components;
using Distillery.Plugins;

// The manifest: the plugin's id, version and description. The contract version it was built for is recorded too.
[assembly: DistilleryPlugin("distillery-plugin-id", "1.0.0", "A two-layer perceptron, in a narrow and a wide variant.")]

namespace DistilleryPlugin1;

/// <summary>The plugin's one registrar: the host constructs it and calls <see cref="Register"/> once at start-up.</summary>
public sealed class Plugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);

        // Options are bound from Architectures:example-component and validated before any work starts.
        components.AddArchitecture<ExampleArchitecture, ExampleArchitectureOptions>(
            "example-component",
            "Two-layer perceptron: Width hidden units (example-component:wide doubles them).");
    }
}
