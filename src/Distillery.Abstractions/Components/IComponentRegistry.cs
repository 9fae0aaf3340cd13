using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Components;

/// <summary>
/// What a plugin registers its components with. Each component has a kind (its service interface, see
/// <see cref="ComponentKindAttribute"/>), a short lowercase name, a line of help and an options class. The options are
/// bound from the kind's section and the component's name (<c>Methods:herding</c>, <c>Architectures:convnet</c>) and
/// validated with data annotations when the host starts. A component receives them as <c>IOptions&lt;TOptions&gt;</c>;
/// a job may resolve it with overrides of its own (see <see cref="IComponentCatalog.Resolve{T}(string, IReadOnlyDictionary{string, string?})"/>).
/// Each options class belongs to one component. <c>AddMethod</c>, <c>AddArchitecture</c>, <c>AddScenario</c> and
/// <c>AddDataset</c> are shorthands (<see cref="ComponentRegistryExtensions"/>).
/// </summary>
public interface IComponentRegistry
{
    /// <summary>For services the plugin's components need beyond the engine's.</summary>
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }

    /// <summary>Registers a component of the kind <typeparamref name="TService"/> declares.</summary>
    void AddComponent<TService, TImplementation, TOptions>(string name, string help)
        where TService : class
        where TImplementation : class, TService
        where TOptions : class, new();
}
