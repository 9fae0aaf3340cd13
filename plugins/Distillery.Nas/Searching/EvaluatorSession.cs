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

    public async Task<ScoredTrial> ScoreAsync(ISearchSpace space, CandidateTrial trial, long seed, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (await FindAsync(space, trial, seed, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var architecture = space.Architecture(trial.Candidate);
        var job = new CandidateJob(trial.Candidate, architecture, Data, seed) { Epochs = trial.Epochs, Progress = progress };
        var score = await evaluator.EvaluateAsync(job, cancellationToken).ConfigureAwait(false);
        var key = KeyOf(architecture, trial, seed);
        await store.SaveAsync(key, ToDocument(key, trial, score), cancellationToken).ConfigureAwait(false);
        return new ScoredTrial(trial, architecture, score, Stored: false);
    }

    private ScoreDocument ToDocument(ScoreKey key, CandidateTrial trial, CandidateScore score) => new()
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
        Value = score.Value,
        Failure = score.Failure,
        Seconds = score.Seconds,
        Details = new Dictionary<string, double>(score.Details, StringComparer.Ordinal),
        Threads = environment.Threads,
        Processor = environment.Processor,
        InstructionSet = environment.InstructionSet,
        HostVersion = environment.HostVersion,
        Recorded = DateTimeOffset.UtcNow,
    };

    private static CandidateScore ToScore(ScoreDocument stored) => new(stored.Value, stored.Seconds)
    {
        Failure = stored.Failure,
        Details = stored.Details,
    };
}
