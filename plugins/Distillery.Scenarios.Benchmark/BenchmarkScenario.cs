using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Data;
using Distillery.Imaging;
using Distillery.Methods;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Options;

namespace Distillery.Scenarios.Benchmark;

/// <summary>
/// Distills <see cref="BenchmarkOptions.Dataset"/> with every method at every IPC, draws each set, evaluates it with the
/// reference protocol on every architecture beside a random subset of the same size, and reports one table.
/// </summary>
internal sealed class BenchmarkScenario(
    IOptions<BenchmarkOptions> options,
    IOptions<EvaluationOptions> evaluation,
    IComponentCatalog catalog,
    IDistillationRunner distiller,
    ISetEvaluationRunner evaluator,
    IWorkspaceStore store,
    IDatasetLoader datasets) : IScenario
{
    public async Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        foreach (var method in settings.MethodList)
        {
            catalog.Resolve<IDistillationMethod>(method);
        }

        var data = await datasets.LoadAsync(settings.Dataset, context.Progress, cancellationToken).ConfigureAwait(false);
        var rows = new List<BenchmarkRow>();
        var files = new List<string>();
        foreach (var ipc in settings.ImagesPerClassList)
        {
            IReadOnlyList<EvaluationResult>? baseline = null;
            foreach (var method in settings.MethodList)
            {
                var job = new DistillationJob
                {
                    Method = method,
                    Dataset = settings.Dataset,
                    ImagesPerClass = ipc,
                    Architecture = settings.Architecture,
                    Seed = settings.Seed,
                    Overwrite = true,
                };
                var outcome = await distiller.RunAsync(job, context.Progress, cancellationToken).ConfigureAwait(false);
                files.Add(await DrawAsync(outcome.Set.Name, data.Info, context.OutputDirectory, cancellationToken).ConfigureAwait(false));

                var report = await evaluator.EvaluateAsync(
                    new SetEvaluationJob
                    {
                        SetName = outcome.Set.Name,
                        Architectures = settings.EvaluationArchitectures,
                        Options = evaluation.Value,
                        RandomBaseline = settings.RandomBaseline && baseline is null,
                        Seed = settings.Seed,
                    },
                    context.Progress,
                    cancellationToken).ConfigureAwait(false);
                baseline ??= settings.RandomBaseline ? report.Baseline : [];
                rows.Add(new BenchmarkRow(method, ipc, outcome, report.Results, baseline) { HardLabels = report.HardLabels, Budget = report.Budget });
            }
        }

        return BenchmarkReport.Create(settings, evaluation.Value, rows, files);
    }

    private async Task<string> DrawAsync(string setName, DatasetInfo info, string outputDirectory, CancellationToken cancellationToken)
    {
        using var set = await store.LoadSetAsync(setName, cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(outputDirectory, setName + ".png");
        ImageGrid.WritePng(set.Images, set.Labels, info, path);
        return path;
    }
}
