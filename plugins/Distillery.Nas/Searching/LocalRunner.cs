using Distillery.Progress;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>Trains candidates in this process, <see cref="Capacity"/> at once, each on its own thread.</summary>
internal sealed class LocalRunner(int capacity) : ICandidateRunner
{
    public static LocalRunner Instance { get; } = new(1);

    public int Capacity { get; } = capacity;

    public async Task<RunOutcome> RunAsync(
        EvaluatorSession session,
        CandidateTrial trial,
        string architecture,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var score = await session.EvaluateAsync(trial, architecture, seed, progress, cancellationToken).ConfigureAwait(false);
        return new RunOutcome(score, session.Environment);
    }
}
