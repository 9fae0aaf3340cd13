using System.ComponentModel;
using Distillery.Commands;
using Distillery.Components;
using Distillery.Data;
using Distillery.Exchange;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Progress;
using Distillery.Methods;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>Reads a set from a PyTorch <c>.pt</c> file into the workspace.</summary>
public sealed class SetsImportCommand(
    IWorkspaceStore store,
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    ProgressDisplay progress,
    Terminal terminal,
    HostArguments arguments) : AsyncCommand<SetsImportCommand.Settings>
{
    private const string UnknownDataset = "unknown";

    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The .pt file: a dict with images [N,C,H,W] float32 and labels [N] int64 (and optionally provenance).")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--name <NAME>", isRequired: true)]
        [Description("The name to store the set under.")]
        public string Name { get; init; } = string.Empty;

        [CommandOption("-d|--dataset <DATASET>")]
        [Description("The dataset the set belongs to, when the file does not say.")]
        public string? Dataset { get; init; }

        [CommandOption("--overwrite")]
        [Description("Replace a stored set of the same name.")]
        public bool Overwrite { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name must not be empty.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new UserErrorException($"'{settings.File}' does not exist.");
        }

        var fallback = new SetProvenance
        {
            Method = "imported",
            Dataset = settings.Dataset ?? UnknownDataset,
            ImagesPerClass = 0,
            Seed = 0,
        };

        using var imported = PyTorchSetFile.Import(settings.File, fallback);
        var provenance = imported.Provenance;
        if (settings.Dataset is not null)
        {
            provenance = provenance with { Dataset = settings.Dataset };
        }

        if (provenance.ImagesPerClass <= 0)
        {
            provenance = provenance with { ImagesPerClass = ImagesPerClass(imported) };
        }

        using var set = new SyntheticSet(imported.Images.alias(), imported.Labels.alias(), provenance)
        {
            SoftLabels = imported.SoftLabels?.alias(),
            LearnedLearningRate = imported.LearnedLearningRate,
        };
        SetContentCheck.Check(set, $"'{settings.File}'", await DatasetOfAsync(provenance.Dataset, cancellationToken).ConfigureAwait(false));
        var stored = await store.SaveSetAsync(settings.Name, set, settings.Overwrite, cancellationToken).ConfigureAwait(false);

        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, SetJson.Describe(stored));
        }
        else
        {
            terminal.Out.MarkupLineInterpolated(
                $"Imported [bold]{stored.Name}[/] ({string.Join("×", stored.Shape)}, {stored.Provenance.Dataset}, {stored.Provenance.ImagesPerClass} per class) from {settings.File}");
            if (stored.Provenance.Dataset == UnknownDataset)
            {
                terminal.Out.MarkupLine("[yellow]The file does not name its dataset; pass --dataset to evaluate or draw it.[/]");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The dataset the set is for, to check it against; null when the file and the command name none.</summary>
    private async Task<DatasetInfo?> DatasetOfAsync(string name, CancellationToken cancellationToken)
    {
        if (name == UnknownDataset)
        {
            return null;
        }

        catalog.Find(ComponentKind.Dataset, name);
        var data = await progress.RunAsync(reporter => datasets.LoadAsync(name, reporter, cancellationToken)).ConfigureAwait(false);
        return data.Info;
    }

    private static int ImagesPerClass(SyntheticSet set)
    {
        var labels = set.Labels.cpu().data<long>().ToArray();
        return labels.Length == 0 ? 0 : labels.GroupBy(l => l).Max(g => g.Count());
    }
}
