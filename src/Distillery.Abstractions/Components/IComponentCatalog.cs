namespace Distillery.Components;

/// <summary>Every component the host has loaded, found by kind and name.</summary>
public interface IComponentCatalog
{
    IReadOnlyList<ComponentDescriptor> Components { get; }

    /// <summary>The names known for a kind, sorted.</summary>
    IReadOnlyList<string> Names(ComponentKind kind);

    /// <summary>
    /// Creates the component of that kind and name. An unknown name throws a <see cref="UserErrorException"/>
    /// that lists the known names.
    /// </summary>
    T Resolve<T>(string name)
        where T : class;
}
