using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Methods.Coresets;

internal static class CoresetServiceCollectionExtensions
{
    public static IServiceCollection AddCoresetServices(this IServiceCollection services)
    {
        services.AddTransient<EmbeddingExtractor>();
        return services;
    }
}
