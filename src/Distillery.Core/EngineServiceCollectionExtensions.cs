using Distillery.Data;
using Distillery.Devices;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Distillery;

/// <summary>Registers the engine's services and options, validated when the host starts.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddDistilleryEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DeviceOptions>().Bind(configuration.GetSection(DeviceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkspaceOptions>().Bind(configuration.GetSection(WorkspaceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection(EvaluationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<IDeviceProvider, DeviceProvider>();
        services.TryAddSingleton<IDatasetLoader, DatasetLoader>();
        return services;
    }
}
