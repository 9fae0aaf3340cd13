using Distillery.Components;

namespace Distillery.Host.Plugins;

/// <summary>Checks names before any work is spent on them.</summary>
public static class ComponentCatalogExtensions
{
    /// <summary>Throws a <see cref="UserErrorException"/> listing the known names when <paramref name="name"/> is unknown.</summary>
    public static void RequireKnown(this IComponentCatalog catalog, ComponentKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog is ComponentCatalog own)
        {
            own.Find(kind, name);
            return;
        }

        var bare = kind == ComponentKind.Architecture ? ArchitectureName.Split(name).Name : name;
        var known = catalog.Names(kind);
        if (!known.Contains(bare, StringComparer.OrdinalIgnoreCase))
        {
            var what = kind.ToString().ToLowerInvariant();
            throw new UserErrorException($"Unknown {what} '{bare}'. Known {what}s: {string.Join(", ", known)}.");
        }
    }
}
