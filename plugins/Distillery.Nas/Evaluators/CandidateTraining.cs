using System.Globalization;
using Distillery.Data;
using Distillery.Randomness;
using Distillery.Search;
using Distillery.Training;
using TorchSharp;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// Trains a candidate's networks on a training set and scores it by their mean test accuracy. A fidelity below the
/// protocol's epochs stops each training after that many epochs through the epoch hook, on the full protocol's
/// learning-rate schedule (so a longer fidelity continues the same run). A loss that stops being a finite number
/// ends the training and fails the candidate.
/// </summary>
internal sealed class CandidateTraining(ISetEvaluator evaluator)
{
    public async Task<CandidateScore> ScoreAsync(CandidateJob job, TrainingSet trainSet, TrainedScoreOptions options, CancellationToken cancellationToken)
    {
        var epochs = job.Epochs ?? options.Epochs;
        if (epochs < 1 || epochs > options.Epochs)
        {
            throw new UserErrorException(
                $"A trial of {epochs} epochs is outside this evaluator's protocol of 1..{options.Epochs} epochs.");
        }

        var failures = new string?[options.Networks];
        using var scored = ScoredOn(job, options.ValidationImages);
        var result = await evaluator.EvaluateAsync(
            trainSet,
            scored,
            job.Architecture,
            options.ToEvaluation(),
            job.Seed,
            job.Progress,
            network => new EpochObserver(epoch =>
            {
                if (!double.IsFinite(epoch.Loss))
                {
                    failures[network] = string.Create(CultureInfo.InvariantCulture, $"training diverged (loss {epoch.Loss}) in epoch {epoch.Epoch} of network {network + 1}");
                    epoch.Stop();
                }
                else if (epoch.Epoch >= epochs)
                {
                    epoch.Stop();
                }
            }),
            cancellationToken).ConfigureAwait(false);

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            return CandidateScore.Fail(failure, result.Seconds);
        }

        var details = new Dictionary<string, double>(StringComparer.Ordinal) { ["std"] = result.Std, ["epochs"] = epochs };
        for (var i = 0; i < result.Accuracies.Count; i++)
        {
            details[string.Create(CultureInfo.InvariantCulture, $"network{i + 1}")] = result.Accuracies[i];
        }

        return new CandidateScore(result.Mean, result.Seconds) { Details = details };
    }

    /// <summary>
    /// The splits the networks are tested on: the dataset as it is, or with <paramref name="validationImages"/>
    /// training images drawn from the job's seed as the test split. Shares the dataset's storage.
    /// </summary>
    private static DatasetSplits ScoredOn(CandidateJob job, int validationImages)
    {
        var data = job.Data;
        var train = new LabeledImages(data.Train.Images.alias(), data.Train.Labels.alias(), data.Train.NumClasses);
        if (validationImages == 0)
        {
            return new DatasetSplits(data.Info, train, new LabeledImages(data.Test.Images.alias(), data.Test.Labels.alias(), data.Test.NumClasses));
        }

        if (validationImages > data.Train.Count)
        {
            throw new UserErrorException(
                $"ValidationImages is {validationImages}, but {data.Info.Name} has {data.Train.Count} training images. Ask for fewer, or 0 for the test split.")
            {
                Setting = "ValidationImages",
                Value = validationImages.ToString(CultureInfo.InvariantCulture),
            };
        }

        using var generator = new torch.Generator(unchecked((ulong)SeedSequence.Derive(job.Seed, "validation images")));
        using var order = torch.randperm(data.Train.Count, generator: generator);
        using var chosen = order.narrow(0, 0, validationImages).to(data.Train.Images.device);
        return new DatasetSplits(data.Info, train, data.Train.Select(chosen));
    }
}
