using Distillery.Data;
using Distillery.Methods;
using Distillery.Nas.Scores;
using Distillery.Progress;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>
/// One evaluator scoring candidates on one dataset: a score already stored under the same key is read back, any
/// other is computed and stored before it is returned, so an interrupted search loses at most the candidate it was
/// evaluating.
/// </summary>
internal sealed class EvaluatorSession(
    string name,
    ICandidateEvaluator evaluator,
    object options,
    string protocolJson,
    string protocol,
    DatasetSplits data,
    string datasetFingerprint,
    IScoreStore store,
    RunEnvironment environment)
{
    public string Name { get; } = name;

    public string Protocol { get; } = protocol;

    public string ProtocolJson { get; } = protocolJson;

    /// <summary>The evaluator's options for this session, as its protocol records them.</summary>
    public object Options { get; } = options;

    /// <summary>This process, as the scores it makes record it.</summary>
    public RunEnvironment Environment { get; } = environment;

    public int? Epochs => evaluator.Epochs;

    public DatasetSplits Data { get; } = data;

    /// <summary>The fingerprint of <see cref="Data"/>'s training set that every key of this session carries.</summary>
    public string DatasetFingerprint { get; } = datasetFingerprint;

    public ScoreKey KeyOf(string architecture, CandidateTrial trial, long seed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var epochs = trial.Epochs is { } e && e != evaluator.Epochs ? e : 0;
        return new ScoreKey(Name, Protocol, architecture, Data.Info.Name, DatasetFingerprint, seed, epochs);
    }

    /// <summary>The stored score of the trial, or null.</summary>
    public async Task<ScoredTrial?> FindAsync(ISearchSpace space, CandidateTrial trial, long seed, CancellationToken cancellationToken)
    {
        var architecture = space.Architecture(trial.Candidate);
        var stored = await store.FindAsync(KeyOf(architecture, trial, seed), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new ScoredTrial(trial, architecture, ToScore(stored), Stored: true);
    }

    public Task<ScoredTrial> ScoreAsync(ISearchSpace space, CandidateTrial trial, long seed, IProgressReporter progress, CancellationToken cancellationToken) =>
        ScoreAsync(space, trial, seed, LocalRunner.Instance, progress, cancellationToken);

    /// <summary>The stored score of the trial, or the one <paramref name="runner"/> makes, stored before it is returned.</summary>
    public async Task<ScoredTrial> ScoreAsync(
        ISearchSpace space,
        CandidateTrial trial,
        long seed,
        ICandidateRunner runner,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(runner);
        if (await FindAsync(space, trial, seed, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var architecture = space.Architecture(trial.Candidate);
        var outcome = await runner.RunAsync(this, trial, architecture, seed, progress, cancellationToken).ConfigureAwait(false);
        var key = KeyOf(architecture, trial, seed);
        await store.SaveAsync(key, ToDocument(key, trial, outcome), cancellationToken).ConfigureAwait(false);
        return new ScoredTrial(trial, architecture, outcome.Score, Stored: false);
    }

    /// <summary>Scores the trial in this process, storing nothing.</summary>
    public Task<CandidateScore> EvaluateAsync(CandidateTrial trial, string architecture, long seed, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var job = new CandidateJob(trial.Candidate, architecture, Data, seed) { Epochs = trial.Epochs, Progress = progress };
        return evaluator.EvaluateAsync(job, cancellationToken);
    }

    private ScoreDocument ToDocument(ScoreKey key, CandidateTrial trial, RunOutcome outcome) => new()
    {
        Evaluator = key.Evaluator,
        Protocol = key.Protocol,
        ProtocolJson = ProtocolJson,
        Architecture = key.Architecture,
        Candidate = trial.Candidate.Name,
        Dataset = key.Dataset,
        DatasetFingerprint = key.DatasetFingerprint,
        Seed = key.Seed,
        Epochs = key.Epochs,
        Value = outcome.Score.Value,
        Failure = outcome.Score.Failure,
        Seconds = outcome.Score.Seconds,
        Details = new Dictionary<string, double>(outcome.Score.Details, StringComparer.Ordinal),
        Threads = outcome.Environment.Threads,
        Processor = outcome.Environment.Processor,
        InstructionSet = outcome.Environment.InstructionSet,
        HostVersion = outcome.Environment.HostVersion,
        Worker = outcome.Worker,
        Recorded = DateTimeOffset.UtcNow,
    };

    private static CandidateScore ToScore(ScoreDocument stored) => new(stored.Value, stored.Seconds)
    {
        Failure = stored.Failure,
        Details = stored.Details,
    };
}
