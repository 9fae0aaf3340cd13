using Distillery.Data.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DatasetFilesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IDatasetFileResolver"/> that dataset components use to find or download their files, with
    /// its <see cref="DatasetFilesOptions"/> bound from the <c>Datasets</c> section of <paramref name="configuration"/>.
    /// </summary>
    public static IServiceCollection AddDatasetFiles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DatasetFilesOptions>()
            .Bind(configuration.GetSection(DatasetFilesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(DatasetFileDownloader.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<DatasetFilesOptions>>().Value;
                client.Timeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("distillery");
            });
        services.TryAddSingleton<DatasetFileDownloader>();
        services.TryAddSingleton<DatasetFileLedger>();
        services.TryAddSingleton<IDatasetFileResolver, DatasetFileResolver>();
        return services;
    }
}
