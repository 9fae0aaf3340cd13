using Distillery.Commands;
using Distillery.Components;
using Distillery.Plugins;
using Distillery.Scenarios.Continual;
using Distillery.Scenarios.Continual.Commands;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: DistilleryPlugin("distillery.scenarios.continual", "0.1.0", "Class- and task-incremental learning with distilled memory kept in the workspace.")]

namespace Distillery.Scenarios.Continual;

public sealed class ContinualPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        components.AddScenario<ContinualScenario, ContinualOptions>(
            ContinualScenario.Name,
            "Class-/task-incremental benchmark: memory made per step by any method and kept in the workspace; GDumb, replay, fine-tune and joint learners; accuracy matrix, forgetting, BWT.");

        components.AddArtifactStore(MemoryBufferStore.Owner);
        components.Services.TryAddSingleton<IMemoryBufferStore>(provider =>
            new MemoryBufferStore(provider.GetRequiredKeyedService<IArtifactStore>(MemoryBufferStore.Owner)));
        components.Services.TryAddTransient<MemoryProvider>();
        components.Services.TryAddTransient<TrackRunner>();

        components.AddCommand<ContinualCommand>(ContinualCommand.Registration);
        components.AddCommandGroup("memory", "Manage the continual-learning memory buffers in the workspace.");
        components.AddCommand<MemoryListCommand>(new CommandRegistration("memory list", "List the memory buffers, their steps and writers.")
        {
            Examples = [["memory", "list"]],
        });
        components.AddCommand<MemoryShowCommand>(new CommandRegistration("memory show", "Show a buffer's settings and draw its memory as a PNG grid.")
        {
            Examples = [["memory", "show", "split-fashion-mnist/dm/order0", "--out", "memory.png"]],
        });
        components.AddCommand<MemoryExportCommand>(new CommandRegistration("memory export", "Write a buffer's memory to a PyTorch .pt file.")
        {
            Examples = [["memory", "export", "split-fashion-mnist/dm/order0", "memory.pt"]],
        });
        components.AddCommand<MemoryDeleteCommand>(new CommandRegistration("memory delete", "Delete a memory buffer.")
        {
            Examples = [["memory", "delete", "split-fashion-mnist/dm/order0"]],
        });
    }
}
