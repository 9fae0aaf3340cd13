using Distillery.Data;
using Distillery.Randomness;
using Distillery.Search;
using Distillery.Training;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The cut-short proxy: each candidate trained for <see cref="EarlyStopOptions.Steps"/> SGD steps of
/// <see cref="EarlyStopOptions.BatchSize"/> images on the full training set, then tested on the real test split.
/// </summary>
/// <remarks>
/// The first <c>Steps</c> batches of a shuffled epoch are <c>Steps × BatchSize</c> random training images seen once
/// each, so it is implemented as one epoch over that many images drawn without replacement with a seed derived from the
/// job's seed (the same images for every candidate of a search), in the trainer's own seeded batch order. When the
/// training set is smaller, the epoch covers all of it (fewer steps); the score's details say how many steps and
/// images were used. A single epoch keeps the base learning rate. Its only fidelity is that one epoch.
/// </remarks>
internal sealed class EarlyStopEvaluator(IOptions<EarlyStopOptions> options, CandidateTraining training) : ICandidateEvaluator
{
    public const string Name = "early-stop";

    /// <summary>The purpose the images' seed is derived for.</summary>
    public const string SeedPurpose = "early-stop images";

    public int? Epochs => 1;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var o = options.Value;
        var train = job.Data.Train;
        var count = Math.Min((long)o.Steps * o.BatchSize, train.Count);

        using var rows = torch.tensor(SeededRows.Draw(train.Count, count, SeedSequence.Derive(job.Seed, SeedPurpose)), device: train.Images.device);
        using var images = train.Select(rows);
        using var trainSet = TrainingSet.Of(images);
        var score = await training.ScoreAsync(job, trainSet, o.ToTraining(), cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<string, double>(score.Details, StringComparer.Ordinal)
        {
            ["steps"] = (count + o.BatchSize - 1) / o.BatchSize,
            ["images"] = count,
        };
        return score with { Details = details };
    }
}
