namespace Distillery.Components;

/// <summary>
/// Declares a service interface as a kind of component: its short name (<c>method</c>) and the configuration section
/// that holds the options of each component of that kind (<c>Methods</c>, so a method <c>dm</c> binds
/// <c>Methods:dm</c>). A plugin may declare a kind of its own this way and register components of it with
/// <see cref="IComponentRegistry.AddComponent{TService, TImplementation, TOptions}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ComponentKindAttribute(string name, string section) : Attribute
{
    public string Name { get; } = name;

    public string Section { get; } = section;
}
