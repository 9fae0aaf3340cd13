using Distillery.Data;
using Distillery.Nas.Evaluators;
using Distillery.Search;
using Distillery.Tests.Training;
using Distillery.Training;
using static Distillery.Tests.Training.TrainingSetFixtures;

namespace Distillery.Tests.Nas;

/// <summary>Candidate jobs and trainings for the evaluator tests, on the generated separable problem.</summary>
internal static class NasJobs
{
    /// <summary>A job for <paramref name="architecture"/> on <paramref name="data"/>.</summary>
    public static CandidateJob For(DatasetSplits data, string architecture = "tiny", long seed = 3, int? epochs = null) =>
        new(new Candidate(architecture, new Dictionary<string, string>()), architecture, data, seed) { Epochs = epochs };

    /// <summary>Candidate training with the tiny linear networks and the given trainer (the reference one by default).</summary>
    public static CandidateTraining Training(INetworkTrainer? trainer = null) =>
        new(new SetEvaluator(new TinyNetworkFactory(), trainer ?? new NetworkTrainer(), new CpuDevice()));
}
