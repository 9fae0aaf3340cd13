namespace Distillery.Components;

/// <summary>The four kinds of component a plugin can add.</summary>
public enum ComponentKind
{
    Method,
    Architecture,
    Scenario,
    Dataset,
}
