using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Nas.Cluster.Grains;
using Distillery.Nas.Cluster.Messages;
using Distillery.Nas.Evaluators;
using Distillery.Nas.Searching;
using Distillery.Progress;
using Distillery.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Distillery.Nas.Cluster.Coordinating;

/// <summary>
/// Trains candidates on the cluster's workers: every trial asked is queued, each goes to the next free slot of a
/// worker that is up, and new workers are taken as they join. A candidate whose worker dies or stops answering within
/// Cluster:JobTimeout goes back to the queue (that worker is not used again); one that worker refuses goes to another.
/// Only this process writes the workspace: outcomes come back as messages.
/// </summary>
internal sealed class ClusterRunner : ICandidateRunner, IAsyncDisposable
{
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(1);

    private readonly IHost _host;
    private readonly IClusterClient _client;
    private readonly ClusterOptions _options;
    private readonly WorkerDescription _coordinator;
    private readonly ProxySets _sets;
    private readonly ILogger _logger;
    private readonly Dictionary<SiloAddress, ClusterWorker> _workers = [];
    private readonly HashSet<SiloAddress> _refused = [];
    private readonly Channel<WorkerSlot> _free = Channel.CreateUnbounded<WorkerSlot>();
    private readonly ConditionalWeakTable<EvaluatorSession, Dictionary<string, string?>> _settings = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _watching;
    private DateTime? _idleSince = DateTime.UtcNow;
    private string? _lastRefusal;
    private int _queued;
    private int _running;
    private int _done;
    private IProgressTask? _status;

    public ClusterRunner(IHost host, IClusterClient client, ClusterOptions options, WorkerDescription coordinator, ProxySets sets, ILogger logger)
    {
        _host = host;
        _client = client;
        _options = options;
        _coordinator = coordinator;
        _sets = sets;
        _logger = logger;
        _watching = Task.Run(WatchAsync);
    }

    public int Capacity => int.MaxValue;

    /// <summary>The workers seen so far, those dropped included.</summary>
    public IReadOnlyList<ClusterWorker> Workers
    {
        get
        {
            lock (_gate)
            {
                return [.. _workers.Values];
            }
        }
    }

    public async Task<RunOutcome> RunAsync(
        EvaluatorSession session,
        CandidateTrial trial,
        string architecture,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            _status ??= progress.Start(Status(), 1);
        }

        var job = Job(session, trial, architecture, seed);
        Count(queued: 1);
        var lost = 0;
        while (true)
        {
            var slot = await TakeAsync(cancellationToken).ConfigureAwait(false);
            Count(queued: -1, running: 1);
            RemoteOutcome outcome;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, slot.Worker.Lost);
            try
            {
                await SendSetAsync(slot.Worker, session, attempt.Token).ConfigureAwait(false);
                outcome = await slot.Grain.EvaluateAsync(job).WaitAsync(_options.JobTimeout, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Count(running: -1);
                throw;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Count(queued: 1, running: -1);
                var reason = exception switch
                {
                    TimeoutException => $"it did not finish {job.Candidate} within Cluster:JobTimeout ({_options.JobTimeout})",
                    OperationCanceledException => $"{slot.Worker.Dropped ?? "it was lost"}, while it trained {job.Candidate}",
                    _ => $"it was lost while training {job.Candidate} ({exception.GetBaseException().Message.Split('\n', 2)[0]})",
                };
                Drop(slot.Worker, reason);
                _logger.LogWarning("{Candidate} goes back to the queue: worker {Worker} was dropped ({Reason})", job.Candidate, slot.Worker.Name, reason);
                if (++lost >= _options.Attempts)
                {
                    throw new UserErrorException(
                        $"{job.Candidate} was sent to {lost} workers, and each was lost before it finished (last: worker {slot.Worker.Name}: {reason}). " +
                        "Rerun the same command to continue the search; scores stored so far are kept. Raise Cluster:Attempts or Cluster:JobTimeout if a worker needs longer.");
                }

                continue;
            }

            if (outcome.Refused is { } refusal)
            {
                Count(queued: 1, running: -1);
                lock (_gate)
                {
                    _lastRefusal = refusal;
                }

                Drop(slot.Worker, refusal);
                continue;
            }

            Count(running: -1, done: 1);
            _free.Writer.TryWrite(slot);
            var score = new CandidateScore(outcome.Value, outcome.Seconds) { Failure = outcome.Failure, Details = outcome.Details };
            var environment = new RunEnvironment
            {
                Threads = outcome.Threads,
                Processor = outcome.Processor,
                InstructionSet = outcome.InstructionSet,
                HostVersion = outcome.HostVersion,
            };
            return new RunOutcome(score, environment, outcome.Worker);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        _status?.Dispose();
        using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(leaving.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Leaving is best effort: the workers notice a coordinator that went away.
        }

        _host.Dispose();
        _stopping.Dispose();
    }

    private RemoteJob Job(EvaluatorSession session, CandidateTrial trial, string architecture, long seed) => new()
    {
        Evaluator = session.Name,
        Options = _settings.GetValue(session, s => OptionsSettings.Of(s.Options)),
        ProtocolJson = session.ProtocolJson,
        Dataset = session.Data.Info.Name,
        DatasetFingerprint = session.DatasetFingerprint,
        Candidate = trial.Candidate.Name,
        Choices = new Dictionary<string, string>(trial.Candidate.Choices, StringComparer.Ordinal),
        Architecture = architecture,
        Seed = seed,
        Epochs = trial.Epochs,
        Set = ProxySet(session),
    };

    private static SetReference? ProxySet(EvaluatorSession session) =>
        session.Options is DistilledSetOptions { Set: { } name, SetFingerprint: { } fingerprint } ? new SetReference(name, fingerprint) : null;

    /// <summary>Sends the session's proxy set to a worker that does not hold it yet, once.</summary>
    private async Task SendSetAsync(ClusterWorker worker, EvaluatorSession session, CancellationToken cancellationToken)
    {
        if (ProxySet(session) is not { } set || worker.Holds(set.Fingerprint))
        {
            return;
        }

        await worker.SetGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var grain = _client.GetGrain<IWorkerGrain>(GrainKeys.Worker(worker.Silo));
            if (!worker.Holds(set.Fingerprint) && !await grain.HoldsSetAsync(set.Fingerprint).ConfigureAwait(false))
            {
                using var loaded = await _sets.LoadAsync(set.Name, cancellationToken).ConfigureAwait(false);
                await grain.ReceiveSetAsync(set, PyTorchSetFile.ToBytes(loaded)).ConfigureAwait(false);
                _logger.LogInformation("Sent set {Set} to worker {Worker}", set.Name, worker.Name);
            }

            worker.Received(set.Fingerprint);
        }
        finally
        {
            worker.SetGate.Release();
        }
    }

    /// <summary>The next free slot of a usable worker; waits for one, up to Cluster:WorkerWait while no worker is usable.</summary>
    private async Task<WorkerSlot> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_free.Reader.TryRead(out var slot))
            {
                if (slot.Worker.Usable)
                {
                    return slot;
                }
            }

            lock (_gate)
            {
                if (_idleSince is { } since && DateTime.UtcNow - since > _options.WorkerWait)
                {
                    throw new UserErrorException(
                        $"No usable worker in {ClusterHosting.Describe(_options)} for {_options.WorkerWait}" +
                        (_lastRefusal is { } refusal ? $" (the last one was dropped: {refusal})" : string.Empty) + ". " +
                        "Start workers with 'distillery worker' and the same Cluster settings, then rerun this command: stored scores are kept.");
                }
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(WatchPeriod);
            try
            {
                await _free.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Look again: a worker may have joined or left.
            }
        }
    }

    private async Task WatchAsync()
    {
        var management = _client.GetGrain<IManagementGrain>(0);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var hosts = await management.GetDetailedHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), _stopping.Token).ConfigureAwait(false);
                await RefreshAsync(hosts.Select(h => h.SiloAddress).ToHashSet()).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _logger.LogDebug(exception, "Could not list the cluster's workers; trying again");
            }

            try
            {
                await Task.Delay(WatchPeriod, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RefreshAsync(HashSet<SiloAddress> active)
    {
        foreach (var gone in Workers.Where(w => w.Usable && !active.Contains(w.Silo)))
        {
            Drop(gone, "it left the cluster");
        }

        List<SiloAddress> joined;
        lock (_gate)
        {
            joined = active.Where(s => !_workers.ContainsKey(s) && !_refused.Contains(s)).ToList();
        }

        foreach (var silo in joined)
        {
            var description = await _client.GetGrain<IWorkerGrain>(GrainKeys.Worker(silo)).DescribeAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            if (WorkerCompatibility.Check(description, _coordinator) is { } incompatible)
            {
                lock (_gate)
                {
                    _refused.Add(silo);
                    _lastRefusal = $"worker {description.Name} was refused: {incompatible}";
                }

                _logger.LogWarning("Worker {Worker} refused: {Reason}", description.Name, incompatible);
                continue;
            }

            var worker = new ClusterWorker(silo, description);
            lock (_gate)
            {
                _workers[silo] = worker;
                _idleSince = null;
            }

            for (var number = 0; number < description.Slots; number++)
            {
                _free.Writer.TryWrite(new WorkerSlot(worker, number, _client.GetGrain<ISlotGrain>(GrainKeys.Slot(silo, number))));
            }

            _logger.LogInformation(
                "Worker {Worker} joined: {Slots} at once, {Threads} threads, {Device}, {Processor}",
                description.Name, description.Slots, description.Threads, description.Device, description.Processor);
            Count();
        }
    }

    private void Drop(ClusterWorker worker, string reason)
    {
        if (!worker.Usable)
        {
            return;
        }

        worker.Drop(reason);
        _logger.LogWarning("Worker {Worker} is no longer used: {Reason}", worker.Name, reason);
        lock (_gate)
        {
            if (_workers.Values.All(w => !w.Usable))
            {
                _idleSince ??= DateTime.UtcNow;
            }
        }

        Count();
    }

    private void Count(int queued = 0, int running = 0, int done = 0)
    {
        lock (_gate)
        {
            _queued += queued;
            _running += running;
            _done += done;
            _status?.Describe(Status());
        }
    }

    private string Status()
    {
        var usable = _workers.Values.Where(w => w.Usable).ToList();
        var perMinute = _done / Math.Max(_clock.Elapsed.TotalMinutes, 1e-9);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Cluster: {usable.Count} workers ({usable.Sum(w => w.Description.Slots)} slots), {_queued} queued, {_running} running, {_done} done, {perMinute:F1}/min");
    }
}
