using Distillery.Data;
using Distillery.Devices;
using Distillery.Methods;
using Distillery.Search;
using Distillery.Training;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The distilled-set proxy: each candidate trained on a stored synthetic set of any method (named by
/// <see cref="DistilledSetOptions.Set"/>), with its soft labels and learned learning rate when it has them, and tested on
/// the real test split. The set is loaded and checked against the search's dataset once, when the evaluator is
/// prepared, and kept on the run's device for the evaluator's lifetime (one search). Its fingerprint becomes part of
/// the protocol, so scores stored for a set that was since replaced under the same name are not reused.
/// </summary>
internal sealed class DistilledSetEvaluator(
    IOptions<DistilledSetOptions> options,
    ProxySets sets,
    IDeviceProvider devices,
    CandidateTraining training) : ICandidateEvaluator, IDisposable
{
    public const string Name = "set";

    private TrainingSet? _set;
    private string? _dataset;

    public int? Epochs => options.Value.Epochs;

    /// <exception cref="UserErrorException">No set is named, it is not stored, it was made from another dataset, or its shape or labels do not fit the dataset.</exception>
    public async Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var name = options.Value.Set;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserErrorException(
                $"The set evaluator trains candidates on a stored set, and none is named. Name one with --set NAME or {DistilledSetOptions.SetSetting} " +
                $"(distillery sets list shows the stored ones), or choose another evaluator.")
            { Setting = DistilledSetOptions.SetSetting };
        }

        using var set = await sets.LoadAsync(name, cancellationToken).ConfigureAwait(false);
        CheckFits(name, set, dataset);
        var prepared = TrainingSet.Of(set, dataset.NumClasses, devices.Device);
        options.Value.Fingerprinted(SetFingerprint.Of(set));
        _set?.Dispose();
        _set = prepared;
        _dataset = dataset.Name;
    }

    public async Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_set is null || !string.Equals(_dataset, job.Data.Info.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The set evaluator was not prepared for dataset '{job.Data.Info.Name}': call {nameof(PrepareAsync)} with it first.");
        }

        return await training.ScoreAsync(job, _set, options.Value, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _set?.Dispose();
        _set = null;
    }

    private static void CheckFits(string name, SyntheticSet set, DatasetInfo dataset)
    {
        var madeFrom = set.Provenance.Dataset;
        if (!string.Equals(madeFrom, dataset.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException(
                $"The set '{name}' was made from {madeFrom}, but this search is on {dataset.Name}: a proxy set must come from the searched dataset. " +
                $"Name a set distilled from {dataset.Name} (distillery sets list shows each set's dataset), or search on {madeFrom}.")
            { Setting = DistilledSetOptions.SetSetting, Value = name };
        }

        var shape = set.Images.shape;
        if (shape.Length != 4 || shape[1] != dataset.Channels || shape[2] != dataset.Height || shape[3] != dataset.Width)
        {
            throw new UserErrorException(
                $"The set '{name}' holds images of shape [{string.Join(", ", shape)}], but {dataset.Name} images are " +
                $"{dataset.Channels}x{dataset.Height}x{dataset.Width}. Name a set made for {dataset.Name}.")
            { Setting = DistilledSetOptions.SetSetting, Value = name };
        }

        if (shape[0] == 0)
        {
            throw new UserErrorException($"The set '{name}' holds no images; name another set.")
            { Setting = DistilledSetOptions.SetSetting, Value = name };
        }

        using var scope = torch.NewDisposeScope();
        var smallest = set.Labels.min().to_type(ScalarType.Int64).item<long>();
        var largest = set.Labels.max().to_type(ScalarType.Int64).item<long>();
        if (smallest < 0 || largest >= dataset.NumClasses)
        {
            throw new UserErrorException(
                $"The set '{name}' has labels {smallest}..{largest}, but {dataset.Name} has {dataset.NumClasses} classes (0..{dataset.NumClasses - 1}). Name a set made for {dataset.Name}.")
            { Setting = DistilledSetOptions.SetSetting, Value = name };
        }
    }
}
