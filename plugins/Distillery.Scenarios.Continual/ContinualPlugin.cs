using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.scenarios.continual", "0.1.0", "Class- and task-incremental learning with distilled memory kept in the workspace.")]

namespace Distillery.Scenarios.Continual;

public sealed class ContinualPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
