namespace Distillery.Methods;

/// <summary>
/// A run stopped by cancellation (Ctrl+C, SIGTERM), saying what it kept for a rerun of the same command: the
/// iteration the rerun resumes from (<see cref="ResumeFrom"/>), another part of the work (<see cref="Kept"/>), or
/// nothing. A method throws it after saving its checkpoint; the runner throws it for a method that stopped without
/// saying.
/// </summary>
public sealed class RunStoppedException : OperationCanceledException
{
    private RunStoppedException(string message, int? resumeFrom, string? kept, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        ResumeFrom = resumeFrom;
        Kept = kept;
    }

    /// <summary>The 1-based iteration a rerun runs first; null when the run kept no iteration.</summary>
    public int? ResumeFrom { get; }

    /// <summary>What else was kept, as a phrase (<c>the trained embedding network</c>); null when nothing was.</summary>
    public string? Kept { get; }

    /// <summary>Whether a rerun starts from the beginning.</summary>
    public bool NothingKept => ResumeFrom is null && Kept is null;

    /// <summary>The run kept its state after <paramref name="completedIterations"/> iterations.</summary>
    public static RunStoppedException AfterIteration(int completedIterations, CancellationToken token, Exception? innerException = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(completedIterations);
        return new RunStoppedException(
            $"The run stopped; it resumes from iteration {completedIterations + 1} when run again.", completedIterations + 1, kept: null, innerException, token);
    }

    /// <summary>The run kept <paramref name="kept"/> (a phrase such as <c>the trained embedding network</c>).</summary>
    public static RunStoppedException Keeping(string kept, CancellationToken token, Exception? innerException = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kept);
        return new RunStoppedException($"The run stopped; {kept} is kept for a rerun.", resumeFrom: null, kept, innerException, token);
    }

    /// <summary>The run kept nothing; a rerun starts from the beginning.</summary>
    public static RunStoppedException KeepingNothing(CancellationToken token, Exception? innerException = null) =>
        new("The run stopped before anything could be kept.", resumeFrom: null, kept: null, innerException, token);
}
