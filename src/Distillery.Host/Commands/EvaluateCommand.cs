using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Commands;
using Distillery.Components;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Distillery.Host.Progress;
using Distillery.Runs;
using Distillery.Training;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using ValidationResult = Spectre.Console.ValidationResult;

namespace Distillery.Host.Commands;

/// <summary>Trains fresh networks on a stored set and reports mean ± std test accuracy beside a random baseline.</summary>
public sealed class EvaluateCommand(
    IComponentCatalog catalog,
    ISetEvaluationRunner runner,
    IOptions<EvaluationOptions> defaults,
    ProgressDisplay progress,
    Terminal terminal,
    HostArguments arguments) : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "<SET>")]
        [Description("The stored set's name (see 'distillery sets list').")]
        public string Set { get; init; } = string.Empty;

        [CommandOption("-a|--arch <ARCHS>")]
        [Description("Comma-separated architectures to train, e.g. convnet,mlp.")]
        [DefaultValue("convnet")]
        public string Architectures { get; init; } = "convnet";

        [CommandOption("--epochs <N>")]
        [Description("Training epochs per network (default Evaluation:Epochs, 300).")]
        public int? Epochs { get; init; }

        [CommandOption("--networks <N>")]
        [Description("Fresh networks per architecture (default Evaluation:Networks, 5).")]
        public int? Networks { get; init; }

        [CommandOption("--augment <STRATEGY>")]
        [Description("none, or a differentiable augmentation strategy such as color_crop_cutout_flip_scale_rotate.")]
        public string? Augment { get; init; }

        [CommandOption("--no-baseline")]
        [Description("Skip the random-subset baseline.")]
        public bool NoBaseline { get; init; }

        [CommandOption("--baseline-only")]
        [Description("Evaluate only the random subset of the set's dataset and IPC, under the same protocol.")]
        public bool BaselineOnly { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seeds the networks' initialisation and batch order.")]
        [DefaultValue(0L)]
        public long Seed { get; init; }

        public IReadOnlyList<string> ArchitectureList =>
            Architectures.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        public override ValidationResult Validate() =>
            ArchitectureList.Count == 0 ? ValidationResult.Error("--arch needs at least one architecture.")
            : NoBaseline && BaselineOnly ? ValidationResult.Error("--no-baseline and --baseline-only leave nothing to evaluate; drop one of them.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var architecture in settings.ArchitectureList)
        {
            catalog.Find(ComponentKind.Architecture, architecture);
        }

        var job = new SetEvaluationJob
        {
            SetName = settings.Set,
            Architectures = settings.ArchitectureList,
            Options = Options(settings),
            StoredSet = !settings.BaselineOnly,
            RandomBaseline = !settings.NoBaseline,
            Seed = settings.Seed,
        };

        var report = await progress.RunAsync(reporter => runner.EvaluateAsync(job, reporter, cancellationToken)).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, SetEvaluationReports.ToJson(report));
            return ExitCodes.Success;
        }

        terminal.Out.Write(ReportTables.ToSpectre(SetEvaluationReports.ToTable(report)));
        return ExitCodes.Success;
    }

    private EvaluationOptions Options(Settings settings)
    {
        var options = defaults.Value.With(settings.Networks, settings.Epochs, settings.Augment);

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new UserErrorException(string.Join(" ", errors.Select(e => $"{string.Join(", ", e.MemberNames.Select(m => "--" + m.ToLowerInvariant()))}: {e.ErrorMessage}")));
        }

        return options;
    }
}
