namespace Distillery.Components;

/// <summary>The configuration section that holds the options of each kind of component.</summary>
public static class ComponentSections
{
    public const string Methods = "Methods";
    public const string Architectures = "Architectures";
    public const string Scenarios = "Scenarios";
    public const string Datasets = "Datasets";

    public static string For(ComponentKind kind) => kind switch
    {
        ComponentKind.Method => Methods,
        ComponentKind.Architecture => Architectures,
        ComponentKind.Scenario => Scenarios,
        ComponentKind.Dataset => Datasets,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
