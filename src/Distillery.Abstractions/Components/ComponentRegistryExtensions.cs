using Distillery.Data;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Scenarios;

namespace Distillery.Components;

/// <summary>Shorthands for the kinds that ship with the contract.</summary>
public static class ComponentRegistryExtensions
{
    public static void AddMethod<TMethod, TOptions>(this IComponentRegistry registry, string name, string help)
        where TMethod : class, IDistillationMethod
        where TOptions : class, new() => Registry(registry).AddComponent<IDistillationMethod, TMethod, TOptions>(name, help);

    public static void AddArchitecture<TArchitecture, TOptions>(this IComponentRegistry registry, string name, string help)
        where TArchitecture : class, IArchitecture
        where TOptions : class, new() => Registry(registry).AddComponent<IArchitecture, TArchitecture, TOptions>(name, help);

    public static void AddScenario<TScenario, TOptions>(this IComponentRegistry registry, string name, string help)
        where TScenario : class, IScenario
        where TOptions : class, new() => Registry(registry).AddComponent<IScenario, TScenario, TOptions>(name, help);

    public static void AddDataset<TDataset, TOptions>(this IComponentRegistry registry, string name, string help)
        where TDataset : class, IDataset
        where TOptions : class, new() => Registry(registry).AddComponent<IDataset, TDataset, TOptions>(name, help);

    private static IComponentRegistry Registry(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry;
    }
}
