using Distillery.Data;
using Distillery.Progress;

namespace Distillery.Search;

/// <summary>
/// One candidate for an evaluator to score: the architecture to build, the dataset (on the run's device), the seed
/// every draw comes from, and the fidelity (<see cref="Epochs"/>: null for the evaluator's full protocol).
/// <see cref="Progress"/>, when given, shows the evaluator's own steps.
/// </summary>
public sealed record CandidateJob(Candidate Candidate, string Architecture, DatasetSplits Data, long Seed)
{
    public int? Epochs { get; init; }

    public IProgressReporter Progress { get; init; } = NullProgressReporter.Instance;
}
