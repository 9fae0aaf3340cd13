using Distillery.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

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

    /// <summary>
    /// Binds a top-level configuration section of the plugin's own (<c>Cluster</c>, say) to <typeparamref name="TOptions"/>,
    /// for settings that belong to no single component. Like every section it is validated with data annotations when
    /// the host starts, and a key <typeparamref name="TOptions"/> does not have is an error. A section the host, a
    /// kind or another plugin holds is refused. Added in contract 2.2.
    /// </summary>
    void AddSettings<TOptions>(string section)
        where TOptions : class, new();

    /// <summary>
    /// Claims <paramref name="owner"/> (lowercase letters and digits) for this plugin's documents in the workspace and
    /// registers its <see cref="Storage.IArtifactStore"/> as a keyed singleton under that name. Collections are stored
    /// as <c>OWNER_NAME</c>; an owner another plugin holds is refused.
    /// </summary>
    void AddArtifactStore(string owner);

    /// <summary>
    /// Adds a command line command, built from the host's container. Commands are Spectre.Console.Cli commands whose
    /// settings derive from <see cref="DistillerySettings"/>; they print through <see cref="ICommandOutput"/>. A path
    /// another command holds is refused.
    /// </summary>
    void AddCommand<TCommand>(CommandRegistration command)
        where TCommand : class, ICommand;

    /// <summary>Declares a group of commands (the first word of two-word command paths) and its line of help.</summary>
    void AddCommandGroup(string name, string description);
}
