using Distillery.Progress;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>Where candidates are trained: in this process, or on the workers of a cluster.</summary>
internal interface ICandidateRunner
{
    /// <summary>How many trials it takes at once; more wait.</summary>
    int Capacity { get; }

    Task<RunOutcome> RunAsync(
        EvaluatorSession session,
        CandidateTrial trial,
        string architecture,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken);
}
