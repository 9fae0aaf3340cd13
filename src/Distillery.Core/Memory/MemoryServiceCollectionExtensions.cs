using Distillery.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Distillery.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMemoryBufferStore"/> over the workspace store (<see cref="WorkspaceServiceCollectionExtensions.AddWorkspaceStore"/>
    /// must be registered too). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddMemoryBuffers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IMemoryBufferStore>(provider => new LiteDbMemoryBufferStore(provider.GetRequiredService<LiteDbWorkspaceStore>()));
        return services;
    }
}
