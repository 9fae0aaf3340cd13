using Distillery.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Host.Plugins;

/// <summary>
/// The components of every active plugin, resolved by kind and name from the host's container. Architectures may be
/// asked for as <c>name:variant</c>; they are resolved by name and the variant reaches them through
/// <see cref="Networks.NetworkSpec.Variant"/>. A name held by a quarantined plugin is reported with that plugin's
/// reason. Every component is made with the options object <see cref="ComponentOptionsBinder"/> binds, so the options a
/// job reports are the ones its component was given.
/// </summary>
public sealed class ComponentCatalog(PluginLoadReport report, IServiceProvider services) : IComponentCatalog
{
    private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

    private readonly ComponentOptionsBinder _binder = new(services);
    private readonly IReadOnlyList<ComponentDescriptor> _components = report.ActiveComponents.Select(c => c.Descriptor).ToList();

    public IReadOnlyList<ComponentDescriptor> Components => _components;

    public IReadOnlyList<ComponentKind> Kinds =>
        _components.Select(c => c.Kind).Distinct().OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Names(ComponentKind kind) =>
        _components.Where(c => c.Kind == kind).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

    public T Resolve<T>(string name)
        where T : class => ResolveWithOptions<T>(name).Component;

    public T Resolve<T>(string name, IReadOnlyDictionary<string, string?> overrides)
        where T : class => ResolveWithOptions<T>(name, overrides).Component;

    public ResolvedComponent<T> ResolveWithOptions<T>(string name, IReadOnlyDictionary<string, string?>? overrides = null)
        where T : class
    {
        var descriptor = Find(ComponentKind.Of(typeof(T)), name);
        var options = _binder.Bind(descriptor, overrides ?? NoOverrides);
        var component = _binder.TakesOptions(descriptor)
            ? (T)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType, ComponentOptionsBinder.Wrap(options))
            : services.GetRequiredKeyedService<T>(descriptor.Name);
        return new ResolvedComponent<T>(component, descriptor, options);
    }

    public ComponentDescriptor Find(ComponentKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        var bare = kind == ComponentKind.Architecture ? ArchitectureName.Split(name).Name : name;
        var found = _components.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Name, bare, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var what = kind.Name;
        var known = Names(kind);
        var list = known.Count == 0 ? $"No {what} is loaded (see 'distillery plugins')." : $"Known {what}s: {string.Join(", ", known)}.";
        var quarantined = Quarantined(kind, bare);
        throw new UserErrorException(quarantined is null
            ? $"Unknown {what} '{bare}'. {list}"
            : $"The {what} '{bare}' is not available: {quarantined} {list}");
    }

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
