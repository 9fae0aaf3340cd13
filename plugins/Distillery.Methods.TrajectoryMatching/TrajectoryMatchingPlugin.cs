using Distillery.Components;
using Distillery.Methods.TrajectoryMatching;
using Distillery.Methods.TrajectoryMatching.Commands;
using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Plugins;
using Distillery.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: DistilleryPlugin("distillery.methods.trajectory-matching", "0.1.0", "Trajectory matching (MTT) and its constant-memory form (TESLA), with expert trajectories kept in the workspace.")]

namespace Distillery.Methods.TrajectoryMatching;

public sealed class TrajectoryMatchingPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddMethod<MttMethod, MttOptions>(
            MttMethod.Name,
            "Matching training trajectories: learns images (and a learning rate) on which a student follows stored expert trajectories.");
        components.AddMethod<TeslaMethod, TeslaOptions>(
            TeslaMethod.Name,
            "Trajectory matching with the same gradient at memory constant in the student's steps (TESLA).");

        components.AddArtifactStore(ExpertStore.Owner);
        components.Services.TryAddSingleton(provider => new ExpertStore(provider.GetRequiredKeyedService<IArtifactStore>(ExpertStore.Owner)));
        components.Services.TryAddTransient<ExpertTrainer>();
        components.Services.TryAddTransient<ExpertTrajectories>();

        components.AddCommandGroup("experts", "Manage the expert trajectories of mtt and tesla in the workspace.");
        components.AddCommand<ExpertsListCommand>(ExpertsListCommand.Registration);
        components.AddCommand<ExpertsDeleteCommand>(ExpertsDeleteCommand.Registration);
    }
}
