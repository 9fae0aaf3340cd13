using Distillery.Data;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;

namespace Distillery.Tests.Host;

/// <summary>An evaluation runner that answers with fixed accuracies, advancing a progress task as the real one would.</summary>
internal sealed class FixedEvaluationRunner : ISetEvaluationRunner
{
    public SetEvaluationJob? Job { get; private set; }

    public Task<SetEvaluationReport> EvaluateAsync(SetEvaluationJob job, IProgressReporter progress, CancellationToken cancellationToken)
    {
        Job = job;
        using (var task = progress.Start("evaluate", 2))
        {
            task.Advance(2);
        }

        var results = job.StoredSet ? job.Architectures.Select(a => new EvaluationResult(a, [0.80, 0.82], 1.5)).ToList() : [];
        var baseline = job.RandomBaseline ? job.Architectures.Select(a => new EvaluationResult(a, [0.50, 0.54], 1.0)).ToList() : [];
        return Task.FromResult(new SetEvaluationReport(job.SetName, "good-method", "fake-data", 10, job.Options, results, baseline));
    }
}

/// <summary>A runner for tests that must fail before running anything.</summary>
internal sealed class UnreachableDistillationRunner : IDistillationRunner
{
    public Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The runner should not have been reached.");

    public Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The runner should not have been reached.");
}

/// <summary>A runner with a bug.</summary>
internal sealed class FailingDistillationRunner : IDistillationRunner
{
    public Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("runner broke");

    public Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("runner broke");
}

/// <summary>A runner that waits until it is cancelled, as a long distillation interrupted with Ctrl+C.</summary>
internal sealed class WaitingDistillationRunner : IDistillationRunner
{
    public async Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public async Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>A workspace with no sets.</summary>
internal sealed class EmptyWorkspaceStore : IWorkspaceStore
{
    public Task<StoredSetInfo> SaveSetAsync(string name, SyntheticSet set, bool overwrite, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SyntheticSet> LoadSetAsync(string name, CancellationToken cancellationToken) =>
        throw new UserErrorException($"No set named '{name}' in the workspace.");

    public Task<IReadOnlyList<StoredSetInfo>> ListSetsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredSetInfo>>([]);

    public Task<bool> SetExistsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task DeleteSetAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ICheckpointStore Checkpoints(string runKey) => NullCheckpointStore.Instance;

    public Task DeleteCheckpointsAsync(string runKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RunRecord>>([]);
}
