using System.Reflection;
using System.Text.RegularExpressions;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Scenarios;

namespace Distillery.Components;

/// <summary>
/// A kind of component, declared by its service interface with <see cref="ComponentKindAttribute"/>. Kinds are
/// open: the four below ship with the contract and a plugin may bring more. Two kinds are the same when their names
/// are, so a kind declared in one plugin is recognised whichever load context its interface came through.
/// </summary>
public sealed partial class ComponentKind : IEquatable<ComponentKind>
{
    private ComponentKind(string name, string section, Type serviceType)
    {
        Name = name;
        Section = section;
        ServiceType = serviceType;
    }

    public static ComponentKind Method { get; } = Of(typeof(IDistillationMethod));

    public static ComponentKind Architecture { get; } = Of(typeof(IArchitecture));

    public static ComponentKind Scenario { get; } = Of(typeof(IScenario));

    public static ComponentKind Dataset { get; } = Of(typeof(IDataset));

    /// <summary>The short lowercase name, e.g. <c>method</c>.</summary>
    public string Name { get; }

    /// <summary>The configuration section of the kind, e.g. <c>Methods</c>.</summary>
    public string Section { get; }

    /// <summary>The interface every component of this kind implements.</summary>
    public Type ServiceType { get; }

    public static ComponentKind Of<TService>()
        where TService : class => Of(typeof(TService));

    /// <summary>
    /// The kind <paramref name="serviceType"/> declares. Throws an <see cref="ArgumentException"/> when it is not an
    /// interface marked with <see cref="ComponentKindAttribute"/>, or when the names are not valid.
    /// </summary>
    public static ComponentKind Of(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        var attribute = serviceType.IsInterface ? serviceType.GetCustomAttribute<ComponentKindAttribute>(inherit: false) : null;
        if (attribute is null)
        {
            throw new ArgumentException(
                $"{serviceType.FullName} is not a kind of component: declare it as an interface with [{nameof(ComponentKindAttribute).Replace("Attribute", string.Empty, StringComparison.Ordinal)}(\"name\", \"Section\")].",
                nameof(serviceType));
        }

        if (!KindName().IsMatch(attribute.Name) || !SectionName().IsMatch(attribute.Section))
        {
            throw new ArgumentException(
                $"{serviceType.FullName} declares kind '{attribute.Name}' with section '{attribute.Section}': a kind is a lowercase word " +
                "(letters, digits, '-') and its section a configuration key without ':'.",
                nameof(serviceType));
        }

        return new ComponentKind(attribute.Name, attribute.Section, serviceType);
    }

    public bool Equals(ComponentKind? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ComponentKind);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(ComponentKind? left, ComponentKind? right) => Equals(left, right);

    public static bool operator !=(ComponentKind? left, ComponentKind? right) => !Equals(left, right);

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KindName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex SectionName();
}
