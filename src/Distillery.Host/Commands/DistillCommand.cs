using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Components;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Distillery.Host.Progress;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>Distills a dataset into a synthetic set, stores it in the workspace and draws it as a PNG grid.</summary>
public sealed class DistillCommand(
    IComponentCatalog catalog,
    IDistillationRunner runner,
    IWorkspaceStore store,
    SetPicture picture,
    ProgressDisplay progress,
    Terminal terminal,
    HostArguments arguments) : AsyncCommand<DistillCommand.Settings>
{
    public sealed class Settings : DistillerySettings
    {
        [CommandOption("-m|--method <METHOD>", isRequired: true)]
        [Description("The distillation method, e.g. herding, random, kcenter, dm (see 'distillery plugins').")]
        public string Method { get; init; } = string.Empty;

        [CommandOption("-d|--dataset <DATASET>", isRequired: true)]
        [Description("The dataset to distill, e.g. fashion-mnist.")]
        public string Dataset { get; init; } = string.Empty;

        [CommandOption("--ipc <N>", isRequired: true)]
        [Description("Images per class in the synthetic set.")]
        public int ImagesPerClass { get; init; }

        [CommandOption("-a|--arch <ARCH>")]
        [Description("The architecture the method uses (name or name:variant).")]
        [DefaultValue("convnet")]
        public string Architecture { get; init; } = "convnet";

        [CommandOption("--seed <SEED>")]
        [Description("Every random choice derives from this seed.")]
        [DefaultValue(0L)]
        public long Seed { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The set's name in the workspace (default: derived from method, dataset, ipc and seed).")]
        public string? Name { get; init; }

        [CommandOption("--overwrite")]
        [Description("Replace a stored set of the same name.")]
        public bool Overwrite { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Where to write the PNG grid (default: Output:Directory/NAME.png).")]
        public string? Out { get; init; }

        [CommandOption("--init-from <SET>")]
        [Description("Start from a stored set of the same dataset and IPC, e.g. a herding coreset (methods that learn images: dm, dc, dsa).")]
        public string? InitFrom { get; init; }

        [CommandOption("--snapshot-at <ITERATIONS>")]
        [Description("Draw and evaluate the images after these iterations, e.g. 250,500,1000; the distillation time shown leaves the evaluations out.")]
        public string? SnapshotAt { get; init; }

        [CommandOption("--snapshot-networks <N>")]
        [Description("Fresh networks per snapshot evaluation (the rest of the protocol is the Evaluation section).")]
        [DefaultValue(1)]
        public int SnapshotNetworks { get; init; } = 1;

        [CommandOption("--snapshot-soft-only")]
        [Description("For a method that learns soft labels, evaluate snapshots on them only; by default the same images are evaluated again with hard labels, as 'evaluate' does (twice the evaluation time).")]
        public bool SnapshotSoftOnly { get; init; }

        public override ValidationResult Validate()
        {
            if (ImagesPerClass < 1)
            {
                return ValidationResult.Error("--ipc must be at least 1.");
            }

            if (SnapshotNetworks < 1)
            {
                return ValidationResult.Error("--snapshot-networks must be at least 1.");
            }

            return SnapshotAt is not null && SnapshotIterations.Parse(SnapshotAt) is null
                ? ValidationResult.Error($"--snapshot-at takes positive iteration numbers separated by commas, e.g. 250,500,1000; got '{SnapshotAt}'.")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        catalog.Find(ComponentKind.Method, settings.Method);
        catalog.Find(ComponentKind.Dataset, settings.Dataset);
        catalog.Find(ComponentKind.Architecture, settings.Architecture);

        var job = new DistillationJob
        {
            Method = settings.Method.ToLowerInvariant(),
            Dataset = settings.Dataset.ToLowerInvariant(),
            ImagesPerClass = settings.ImagesPerClass,
            Architecture = settings.Architecture,
            Seed = settings.Seed,
            SetName = settings.Name,
            Overwrite = settings.Overwrite,
            InitFrom = settings.InitFrom,
            Snapshots = settings.SnapshotAt is null ? null : new SnapshotPlan
            {
                Iterations = SnapshotIterations.Parse(settings.SnapshotAt)!,
                Networks = settings.SnapshotNetworks,
                HardLabels = !settings.SnapshotSoftOnly,
                Directory = picture.Directory,
            },
        };

        string? pictureProblem = null;
        var (outcome, png) = await progress.RunAsync(async reporter =>
        {
            var outcome = await runner.RunAsync(job, reporter, cancellationToken).ConfigureAwait(false);
            using var set = await store.LoadSetAsync(outcome.Set.Name, cancellationToken).ConfigureAwait(false);
            var path = Path.GetFullPath(settings.Out ?? picture.DefaultPath(outcome.Set.Name));
            try
            {
                return (outcome, await picture.WriteAsync(set, path, reporter, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The set is stored: the run succeeded; the missing picture is a warning with the way to draw it again.
                pictureProblem = $"the set {outcome.Set.Name} is stored, but its picture could not be written to {path}: {exception.Message} " +
                    $"Draw it with: distillery sets show {outcome.Set.Name} --out FILE.png";
                return (outcome, (string?)null);
            }
        }).ConfigureAwait(false);
        if (pictureProblem is not null)
        {
            terminal.Streams.Error.WriteLine($"warning: {pictureProblem}");
        }

        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonObject
            {
                ["set"] = outcome.Set.Name,
                ["method"] = job.Method,
                ["dataset"] = job.Dataset,
                ["ipc"] = job.ImagesPerClass,
                ["arch"] = job.Architecture,
                ["seed"] = job.Seed,
                ["run"] = outcome.RunId,
                ["resumed"] = outcome.Resumed,
                ["seconds"] = outcome.Seconds,
                ["processor_seconds"] = outcome.ProcessorSeconds,
                ["png"] = png,
                ["budget"] = SetEvaluationReports.ToJson(outcome.Set.Budget),
                ["snapshots"] = JsonSerializer.SerializeToNode(outcome.Snapshots.Select(SnapshotEvaluator.ToJson).ToArray()),
            });
            return ExitCodes.Success;
        }

        var seconds = string.Create(CultureInfo.InvariantCulture, $"{outcome.Seconds:F1} s ({outcome.ProcessorSeconds:F1} processor s)");
        var resumed = outcome.Resumed ? " (resumed from a checkpoint)" : string.Empty;
        terminal.Out.MarkupLineInterpolated(
            $"Distilled [bold]{outcome.Set.Name}[/]: {job.Method} on {job.Dataset}, {Counted.ImagesPerClass(job.ImagesPerClass)}, arch {job.Architecture}, seed {job.Seed}, in {seconds}{resumed}.");
        terminal.Out.MarkupLineInterpolated($"Stored: {outcome.Set.Budget}");
        terminal.Out.MarkupLineInterpolated($"Images: {png ?? "not drawn (see the warning above)"}");
        if (outcome.Snapshots.Count > 0)
        {
            terminal.Out.Write(ReportTables.ToSpectre(SnapshotTable.From(outcome.Snapshots)));
        }

        terminal.Out.MarkupLineInterpolated($"Evaluate it: distillery evaluate {outcome.Set.Name}");
        return ExitCodes.Success;
    }
}
