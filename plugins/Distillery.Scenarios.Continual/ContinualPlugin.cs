using Distillery.Components;
using Distillery.Memory;
using Distillery.Plugins;
using Distillery.Scenarios.Continual;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: DistilleryPlugin("distillery.scenarios.continual", "0.1.0", "Class- and task-incremental learning with distilled memory kept in the workspace.")]

namespace Distillery.Scenarios.Continual;

public sealed class ContinualPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        components.AddScenario<ContinualScenario, ContinualOptions>(
            "continual",
            "Class-/task-incremental benchmark: memory made per step by any method and kept in the workspace; GDumb, replay, fine-tune and joint learners; accuracy matrix, forgetting, BWT.");
        components.Services.AddMemoryBuffers();
        components.Services.TryAddTransient<MemoryProvider>();
        components.Services.TryAddTransient<TrackRunner>();
    }
}
