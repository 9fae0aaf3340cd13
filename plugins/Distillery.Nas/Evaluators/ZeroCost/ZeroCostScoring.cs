using System.Diagnostics;
using System.Globalization;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Randomness;
using Distillery.Search;
using TorchSharp;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// What every score at initialisation shares: fresh networks built with the seeds the training evaluators use for
/// their networks (<c>network #i</c> derived from the job's seed, so a score describes the very networks a proxy would
/// train), one batch of real training images drawn with a seed derived from the job's seed, the mean over the
/// networks, and a failed score when a network's score is not a number.
/// </summary>
internal sealed class ZeroCostScoring(INetworkFactory networks, IDeviceProvider devices)
{
    /// <summary>The purpose the batch's seed is derived for.</summary>
    public const string BatchSeedPurpose = "zero-cost batch";

    /// <summary>
    /// Scores <paramref name="count"/> fresh networks of the job's architecture with <paramref name="score"/>, which is
    /// given the batch of <paramref name="batchSize"/> images (none when null).
    /// </summary>
    public Task<CandidateScore> ScoreAsync(
        CandidateJob job,
        int count,
        int? batchSize,
        Func<Network, ProbeBatch?, double> score,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var clock = Stopwatch.StartNew();
        using var batch = batchSize is { } size ? Batch(job, size) : null;
        var values = new double[count];
        using (var task = job.Progress.Start($"Scoring {job.Architecture}", count))
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var network = networks.Create(job.Architecture, job.Data.Info, SeedSequence.Derive(job.Seed, "network", i), devices.Device);
                values[i] = score(network, batch);
                task.Advance();
                if (double.IsNaN(values[i]) || double.IsPositiveInfinity(values[i]))
                {
                    return Task.FromResult(CandidateScore.Fail(
                        string.Create(CultureInfo.InvariantCulture, $"the score of network {i + 1} is {values[i]}"), clock.Elapsed.TotalSeconds));
                }
            }
        }

        var mean = values.Average();
        var details = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["std"] = Math.Sqrt(values.Average(v => (v - mean) * (v - mean))),
        };
        if (batch is not null)
        {
            details["batch"] = batch.Count;
        }

        for (var i = 0; i < count; i++)
        {
            details[string.Create(CultureInfo.InvariantCulture, $"network{i + 1}")] = values[i];
        }

        return Task.FromResult(new CandidateScore(mean, clock.Elapsed.TotalSeconds) { Details = details });
    }

    private ProbeBatch Batch(CandidateJob job, int size)
    {
        var train = job.Data.Train;
        var rows = SeededRows.Draw(train.Count, Math.Min(size, train.Count), SeedSequence.Derive(job.Seed, BatchSeedPurpose));
        using var scope = torch.NewDisposeScope();
        var index = torch.tensor(rows, device: train.Images.device);
        var images = train.Images.index_select(0, index).to(devices.Device);
        var labels = train.Labels.index_select(0, index).to(devices.Device);
        return new ProbeBatch(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
