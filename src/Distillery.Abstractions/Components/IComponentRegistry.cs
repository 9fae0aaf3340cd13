using Distillery.Commands;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Distillery.Components;

/// <summary>
/// What a plugin registers its components with. Each component has a short lowercase name, a line of help and an
/// options class. The options are bound from the configuration section of its kind and name
/// (<c>Methods:herding</c>, <c>Architectures:convnet</c>, <c>Scenarios:benchmark</c>, <c>Datasets:mnist</c>) and
/// validated with data annotations when the host starts. A component receives them as <c>IOptions&lt;TOptions&gt;</c>.
/// Each options class belongs to one component.
/// </summary>
public interface IComponentRegistry
{
    /// <summary>For services the plugin's components need beyond the engine's.</summary>
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }

    void AddMethod<TMethod, TOptions>(string name, string help)
        where TMethod : class, IDistillationMethod
        where TOptions : class;

    void AddArchitecture<TArchitecture, TOptions>(string name, string help)
        where TArchitecture : class, IArchitecture
        where TOptions : class;

    void AddScenario<TScenario, TOptions>(string name, string help)
        where TScenario : class, IScenario
        where TOptions : class;

    void AddDataset<TDataset, TOptions>(string name, string help)
        where TDataset : class, IDataset
        where TOptions : class;

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
