using Distillery.Data;
using Distillery.Randomness;
using Distillery.Search;
using Distillery.Training;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The random-subset proxy: each candidate trained on <see cref="SubsetOptions.ImagesPerClass"/> real training images
/// per class, drawn with a seed derived from the job's seed (the same images for every candidate of a search), and
/// tested on the real test split.
/// </summary>
internal sealed class SubsetEvaluator(IOptions<SubsetOptions> options, CandidateTraining training) : ICandidateEvaluator
{
    public const string Name = "subset";

    /// <summary>The purpose the subset's seed is derived for.</summary>
    public const string SeedPurpose = "subset images";

    private const string ImagesPerClassSetting = "CandidateEvaluators:subset:ImagesPerClass";

    public int? Epochs => options.Value.Epochs;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var perClass = options.Value.ImagesPerClass;
        var train = job.Data.Train;
        var smallest = Enumerable.Range(0, train.NumClasses).Min(train.CountOf);
        if (perClass > smallest)
        {
            throw new UserErrorException(
                $"The subset evaluator draws {perClass} images per class, but a class of {job.Data.Info.Name} has only {smallest} training images. " +
                $"Set {ImagesPerClassSetting} to {smallest} or fewer.")
            { Setting = ImagesPerClassSetting, Value = $"{perClass}" };
        }

        using var rows = torch.tensor(RandomSubset.Indices(train, perClass, SeedSequence.Derive(job.Seed, SeedPurpose)), device: train.Images.device);
        using var subset = train.Select(rows);
        using var trainSet = TrainingSet.Of(subset);
        return await training.ScoreAsync(job, trainSet, options.Value, cancellationToken).ConfigureAwait(false);
    }
}
