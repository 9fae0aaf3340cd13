using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Distillery.Storage;

public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB workspace as the singleton <see cref="IWorkspaceStore"/> and <see cref="IArtifactStores"/>, with <see cref="WorkspaceOptions"/>
    /// bound from the <c>Workspace</c> section and validated at start-up. The file is opened on first use.
    /// </summary>
    public static IServiceCollection AddWorkspaceStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkspaceOptions>()
            .Bind(configuration.GetSection(WorkspaceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(provider => new LiteDbWorkspaceStore(provider.GetRequiredService<IOptions<WorkspaceOptions>>().Value));
        services.TryAddSingleton<IWorkspaceStore>(provider => provider.GetRequiredService<LiteDbWorkspaceStore>());
        services.TryAddSingleton<IArtifactStores>(provider => provider.GetRequiredService<LiteDbWorkspaceStore>());
        return services;
    }
}
