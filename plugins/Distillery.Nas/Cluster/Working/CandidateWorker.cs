using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Distillery.Components;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Nas.Cluster.Messages;
using Distillery.Nas.Evaluators;
using Distillery.Nas.Searching;
using Distillery.Plugins;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Search;
using Microsoft.Extensions.Logging;

namespace Distillery.Nas.Cluster.Working;

/// <summary>
/// What a worker process does for the cluster: scores candidates with the components of its own plugins, on datasets
/// it loads itself, and keeps the proxy sets coordinators send it. A job is refused, with the reason, when this worker
/// lacks a component the job names or would not score it as the coordinator would (other evaluator settings, another
/// copy of the dataset).
/// </summary>
internal sealed class CandidateWorker(
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    CandidateScorer scorer,
    ProxySets sets,
    IDeviceProvider devices,
    RunEnvironmentProbe probe,
    ILogger<CandidateWorker> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetSplits>>> _data = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<EvaluatorSession>>> _sessions = new(StringComparer.Ordinal);

    /// <summary>The worker's name in logs and stored scores (set when its silo starts).</summary>
    public string Name { get; set; } = Environment.MachineName;

    public int Slots { get; set; } = 1;

    public WorkerDescription Describe()
    {
        var environment = probe.Describe(string.Empty);
        return new()
        {
            Name = Name,
            Slots = Slots,
            Threads = environment.Threads ?? TorchSharp.torch.get_num_threads(),
            Processor = environment.Processor ?? "unknown",
            HostVersion = environment.HostVersion ?? "unknown",
            Contract = DistilleryContract.Version.ToString(),
            TorchSharp = TorchSharpVersion,
            Plugins = PluginVersions(catalog),
            Device = devices.Device.type.ToString().ToLowerInvariant(),
        };
    }

    public static string TorchSharpVersion { get; } =
        typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Each plugin that brought a component, with its version.</summary>
    public static Dictionary<string, string> PluginVersions(IComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in catalog.Components)
        {
            versions[component.PluginId] = component.PluginVersion;
        }

        return versions;
    }

    public bool HoldsSet(string fingerprint) => sets.Holds(fingerprint);

    public void ReceiveSet(SetReference set, byte[] file)
    {
        ArgumentNullException.ThrowIfNull(set);
        sets.Receive(set.Name, set.Fingerprint, file);
        logger.LogInformation("Received set {Set} ({Fingerprint}, {Bytes} bytes)", set.Name, set.Fingerprint, file.Length);
    }

    public async Task<RemoteOutcome> RunAsync(RemoteJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var data = await _data.GetOrAdd(job.Dataset, name => new(() => datasets.LoadAsync(name, NullProgressReporter.Instance, CancellationToken.None)))
                .Value.ConfigureAwait(false);
            if (!string.Equals(ScoreFingerprint(data), job.DatasetFingerprint, StringComparison.Ordinal))
            {
                return Refuse(job, $"its copy of {job.Dataset} differs from the coordinator's (training-set fingerprint {ScoreFingerprint(data)}, not {job.DatasetFingerprint})");
            }

            var session = await Session(job, data).ConfigureAwait(false);
            if (!string.Equals(session.ProtocolJson, job.ProtocolJson, StringComparison.Ordinal))
            {
                return Refuse(job, $"its {job.Evaluator} evaluator has the settings {session.ProtocolJson}, the coordinator's {job.ProtocolJson}; give both the same plugins and settings");
            }

            logger.LogInformation("Scoring {Candidate} with {Evaluator}", job.Candidate, job.Evaluator);
            var clock = Stopwatch.StartNew();
            var trial = new CandidateTrial(new Candidate(job.Candidate, job.Choices), job.Epochs);
            var score = await session.EvaluateAsync(trial, job.Architecture, job.Seed, NullProgressReporter.Instance, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Scored {Candidate}: {Score} in {Seconds:F1} s", job.Candidate, SearchRunner.Format(score), clock.Elapsed.TotalSeconds);
            var environment = session.Environment;
            return new RemoteOutcome
            {
                Worker = Name,
                Value = score.Value,
                Seconds = score.Seconds,
                Failure = score.Failure,
                Details = new Dictionary<string, double>(score.Details, StringComparer.Ordinal),
                Threads = environment.Threads ?? 0,
                Processor = environment.Processor ?? "unknown",
                InstructionSet = environment.InstructionSet ?? "unknown",
                HostVersion = environment.HostVersion ?? "unknown",
            };
        }
        catch (UserErrorException error)
        {
            return Refuse(job, error.Message);
        }
    }

    private static string ScoreFingerprint(DatasetSplits data) => CandidateScorer.FingerprintOf(data);

    private Task<EvaluatorSession> Session(RemoteJob job, DatasetSplits data)
    {
        var key = $"{job.Evaluator}\n{job.Dataset}\n{job.ProtocolJson}";
        var session = _sessions.GetOrAdd(key, _ => new(() => scorer.OpenAsync(job.Evaluator, job.Options, data, CancellationToken.None)));
        if (session.Value.IsFaulted)
        {
            // A refused session (an unknown evaluator, say) is not kept: the next job asks again.
            _sessions.TryRemove(key, out _);
        }

        return session.Value;
    }

    private RemoteOutcome Refuse(RemoteJob job, string reason)
    {
        logger.LogWarning("Refused {Candidate} ({Evaluator}): {Reason}", job.Candidate, job.Evaluator, reason);
        return new RemoteOutcome { Worker = Name, Refused = $"worker {Name} refused {job.Candidate}: {reason}" };
    }
}
