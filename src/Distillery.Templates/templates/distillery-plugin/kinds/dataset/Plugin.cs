using Distillery.Components;
using Distillery.Plugins;

// The manifest: the plugin's id, version and description. The contract version it was built for is recorded too.
[assembly: DistilleryPlugin("distillery-plugin-id", "1.0.0", "Generated images of horizontal and vertical stripes.")]

namespace DistilleryPlugin1;

/// <summary>The plugin's one registrar: the host constructs it and calls <see cref="Register"/> once at start-up.</summary>
public sealed class Plugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);

        // Options are bound from Datasets:example-component and validated before any work starts.
        components.AddDataset<ExampleDataset, ExampleDatasetOptions>(
            "example-component",
            "Generated 1x16x16 images of horizontal (class 0) and vertical (class 1) stripes with noise.");
    }
}
