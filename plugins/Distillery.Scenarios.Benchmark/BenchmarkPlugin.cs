using Distillery.Components;
using Distillery.Plugins;
using Distillery.Scenarios.Benchmark;

[assembly: DistilleryPlugin("distillery.scenarios.benchmark", "0.1.0", "Distill, evaluate beside a random baseline, report.")]

namespace Distillery.Scenarios.Benchmark;

public sealed class BenchmarkPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components) =>
        components.AddScenario<BenchmarkScenario, BenchmarkOptions>(
            "benchmark", "Distills a dataset with one or more methods and IPCs, evaluates each set beside a random subset, reports.");
}
