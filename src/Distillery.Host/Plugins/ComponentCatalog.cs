using Distillery.Components;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Host.Plugins;

/// <summary>
/// The components of every active plugin, resolved by kind and name from the host's container. Architectures may be
/// asked for as <c>name:variant</c>; they are resolved by name and the variant reaches them through
/// <see cref="NetworkSpec.Variant"/>. A name held by a quarantined plugin is reported with that plugin's reason.
/// </summary>
public sealed class ComponentCatalog(PluginLoadReport report, IServiceProvider services) : IComponentCatalog
{
    private readonly IReadOnlyList<ComponentDescriptor> _components = report.ActiveComponents.Select(c => c.Descriptor).ToList();

    public IReadOnlyList<ComponentDescriptor> Components => _components;

    public IReadOnlyList<string> Names(ComponentKind kind) =>
        _components.Where(c => c.Kind == kind).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

    public T Resolve<T>(string name)
        where T : class
    {
        var kind = KindOf(typeof(T));
        var descriptor = Find(kind, name);
        return services.GetRequiredKeyedService<T>(descriptor.Name);
    }

    /// <summary>The descriptor of a component, or a <see cref="UserErrorException"/> that lists the known names.</summary>
    public ComponentDescriptor Find(ComponentKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = kind == ComponentKind.Architecture ? ArchitectureName.Split(name).Name : name;
        var found = _components.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Name, bare, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var what = ComponentRegistry.Describe(kind);
        var known = Names(kind);
        var list = known.Count == 0 ? $"No {what} is loaded (see 'distillery plugins')." : $"Known {what}s: {string.Join(", ", known)}.";
        var quarantined = Quarantined(kind, bare);
        throw new UserErrorException(quarantined is null
            ? $"Unknown {what} '{bare}'. {list}"
            : $"The {what} '{bare}' is not available: {quarantined} {list}");
    }

    public static ComponentKind KindOf(Type type) =>
        type == typeof(IDistillationMethod) ? ComponentKind.Method
        : type == typeof(IArchitecture) ? ComponentKind.Architecture
        : type == typeof(IScenario) ? ComponentKind.Scenario
        : type == typeof(IDataset) ? ComponentKind.Dataset
        : throw new ArgumentException(
            $"{type.FullName} is not a component type; use {nameof(IDistillationMethod)}, {nameof(IArchitecture)}, {nameof(IScenario)} or {nameof(IDataset)}.",
            nameof(type));

    private string? Quarantined(ComponentKind kind, string name)
    {
        foreach (var plugin in report.Plugins)
        {
            var entry = plugin.Components.FirstOrDefault(c =>
                c.Descriptor.Kind == kind && string.Equals(c.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                continue;
            }

            if (plugin.Status != PluginStatus.Active)
            {
                return $"plugin '{plugin.Id}' is {plugin.Status}: {plugin.Reason}";
            }

            if (entry.Status != PluginStatus.Active)
            {
                return $"its registration by plugin '{plugin.Id}' is {entry.Status}: {entry.Reason}";
            }
        }

        return null;
    }
}
