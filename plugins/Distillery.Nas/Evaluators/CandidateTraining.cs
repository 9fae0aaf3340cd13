using System.Globalization;
using Distillery.Search;
using Distillery.Training;

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
        var result = await evaluator.EvaluateAsync(
            trainSet,
            job.Data,
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
}
