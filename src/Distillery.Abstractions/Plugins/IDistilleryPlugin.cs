using Distillery.Components;

namespace Distillery.Plugins;

/// <summary>
/// The one type a plugin exposes to the host: it registers the plugin's components (and any services they need).
/// It must have a public parameterless constructor.
/// </summary>
public interface IDistilleryPlugin
{
    void Register(IComponentRegistry components);
}
