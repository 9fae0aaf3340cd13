using Distillery.Training;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the reference trainer (<see cref="INetworkTrainer"/>) and set evaluator (<see cref="ISetEvaluator"/>).
    /// The evaluator needs an <see cref="Distillery.Networks.INetworkFactory"/> and an
    /// <see cref="Distillery.Devices.IDeviceProvider"/> from the host.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<NetworkTrainer>();
        services.TryAddSingleton<INetworkTrainer>(provider => provider.GetRequiredService<NetworkTrainer>());
        services.TryAddSingleton<ISetEvaluator, SetEvaluator>();
        return services;
    }
}
