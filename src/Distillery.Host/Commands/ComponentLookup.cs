using Distillery.Components;
using Distillery.Host.Plugins;

namespace Distillery.Host.Commands;

/// <summary>
/// Finds one loaded component by the name a user typed: <c>NAME</c>, <c>KIND/NAME</c>, or a name with a separate kind;
/// an architecture's variant (<c>convnet:w64</c>) is ignored. An unknown or ambiguous name is a user error that lists
/// the candidates as <c>KIND/NAME</c>.
/// </summary>
public static class ComponentLookup
{
    public static ComponentDescriptor Find(IReadOnlyList<ComponentDescriptor> components, string name, string? kind)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var typedKind = name[..slash];
            if (kind is not null && !string.Equals(kind, typedKind, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"'{name}' names the kind {typedKind}, but --kind says {kind}: give one of them.");
            }

            kind = typedKind;
            name = name[(slash + 1)..];
        }

        if (kind is not null && !components.Any(c => string.Equals(c.Kind.Name, kind, StringComparison.OrdinalIgnoreCase)))
        {
            var kinds = components.Select(c => c.Kind.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw new UserErrorException($"No component of kind '{kind}' is loaded. Kinds: {string.Join(", ", kinds)}.");
        }

        var matches = components
            .Where(c => kind is null || string.Equals(c.Kind.Name, kind, StringComparison.OrdinalIgnoreCase))
            .Where(c => string.Equals(c.Name, Bare(c.Kind, name), StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UserErrorException(
                $"No {kind ?? "component"} is named '{name}'. Known: {string.Join(", ", Known(components, kind))}. (See 'distillery plugins'.)"),
            _ => throw new UserErrorException(
                $"'{name}' names {matches.Count} components: {string.Join(", ", matches.Select(Qualified))}. Give one as KIND/NAME, e.g. 'distillery plugins show {Qualified(matches[0])}'."),
        };
    }

    public static string Qualified(ComponentDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return $"{descriptor.Kind.Name}/{descriptor.Name}";
    }

    private static string Bare(ComponentKind kind, string name) => kind == ComponentKind.Architecture ? ArchitectureName.Split(name).Name : name;

    private static IEnumerable<string> Known(IReadOnlyList<ComponentDescriptor> components, string? kind) =>
        components
            .Where(c => kind is null || string.Equals(c.Kind.Name, kind, StringComparison.OrdinalIgnoreCase))
            .Select(Qualified)
            .Order(StringComparer.Ordinal);
}
