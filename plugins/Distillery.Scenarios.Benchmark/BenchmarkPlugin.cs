using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.scenarios.benchmark", "0.1.0", "Distill, evaluate beside a random baseline, report.")]

namespace Distillery.Scenarios.Benchmark;

public sealed class BenchmarkPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
