using Distillery.Data;
using Distillery.Devices;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery;

/// <summary>Registers the engine that the host and the plugins share.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddDistilleryEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeviceOptions>().Bind(configuration.GetSection(DeviceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection(EvaluationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDatasetFiles(configuration);
        services.AddWorkspaceStore(configuration);
        services.AddTraining();
        services.AddSingleton<IDeviceProvider, DeviceProvider>();
        services.AddSingleton<TorchRuntime>();
        services.AddSingleton<IDatasetLoader, DatasetLoader>();
        services.AddTransient<IDistillationRunner, DistillationRunner>();
        services.AddSingleton<RunEnvironmentProbe>();
        services.AddTransient<ISetEvaluationRunner, SetEvaluationRunner>();
        return services;
    }
}
