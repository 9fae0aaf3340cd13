namespace Distillery.Components;

/// <summary>The configuration sections of the kinds that ship with the contract.</summary>
public static class ComponentSections
{
    public const string Methods = "Methods";
    public const string Architectures = "Architectures";
    public const string Scenarios = "Scenarios";
    public const string Datasets = "Datasets";
}
