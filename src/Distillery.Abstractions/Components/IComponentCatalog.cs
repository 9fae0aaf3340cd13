namespace Distillery.Components;

/// <summary>Every component the host has loaded, found by kind and name.</summary>
public interface IComponentCatalog
{
    IReadOnlyList<ComponentDescriptor> Components { get; }

    /// <summary>The kinds that have at least one component, sorted by name.</summary>
    IReadOnlyList<ComponentKind> Kinds { get; }

    /// <summary>The names known for a kind, sorted.</summary>
    IReadOnlyList<string> Names(ComponentKind kind);

    /// <summary>
    /// The descriptor of the component of that kind and name (for architectures, <c>name[:variant]</c>). An unknown
    /// name throws a <see cref="UserErrorException"/> that lists the known names.
    /// </summary>
    ComponentDescriptor Find(ComponentKind kind, string name);

    /// <summary>Creates the component of that kind and name with its configured options.</summary>
    T Resolve<T>(string name)
        where T : class;

    /// <summary>
    /// Creates the component for one job: <paramref name="overrides"/> are keys under the component's own section
    /// (<c>Iterations</c>, <c>Augmentation:Strategy</c>) laid over its configured options. A key the options class
    /// does not have, a value of the wrong type or a value that fails validation throws a
    /// <see cref="UserErrorException"/> naming it.
    /// </summary>
    T Resolve<T>(string name, IReadOnlyDictionary<string, string?> overrides)
        where T : class;

    /// <summary>As <see cref="Resolve{T}(string, IReadOnlyDictionary{string, string?})"/>, with the options object the component was given.</summary>
    ResolvedComponent<T> ResolveWithOptions<T>(string name, IReadOnlyDictionary<string, string?>? overrides = null)
        where T : class;
}
