using System.Globalization;
using Distillery.Data;
using Distillery.Nas.Evaluators;
using Distillery.Nas.Scores;
using Distillery.Nas.Searching;
using Distillery.Progress;
using Distillery.Search;

namespace Distillery.Nas.Reports;

/// <summary>
/// Builds the proxy-quality report from the stored scores. The ground truth is the <c>full</c> evaluator's scores under
/// its current protocol, on the dataset as loaded now (its fingerprint) and at the report's seed, at the full protocol;
/// candidates whose ground truth failed are left out. A proxy is measured over those candidates it has a full-protocol
/// score for at the same dataset and seed; one it failed on ranks as its worst. Every score left out is counted in a
/// note that says why.
/// </summary>
internal sealed class ProxyReportBuilder(IDatasetLoader datasets, CandidateScorer scorer, IScoreStore store)
{
    private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

    public async Task<ProxyReport> BuildAsync(ProxyReportRequest request, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        if (request.ScoreMissing && request.Evaluators is null)
        {
            throw new UserErrorException(
                "Scoring the missing candidates needs the proxies named: give them with --evaluators (e.g. --evaluators set,synflow); " +
                "they score under their current settings.");
        }

        var data = await datasets.LoadAsync(request.Dataset, progress, cancellationToken).ConfigureAwait(false);
        var truthSession = await scorer.OpenAsync(FullEvaluator.Name, NoOverrides, data, cancellationToken).ConfigureAwait(false);
        var dataset = data.Info.Name;
        var fingerprint = truthSession.DatasetFingerprint;
        var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();

        // The ground truth: this protocol, this data, this seed, the full protocol's epochs.
        var truthScores = all.Where(d => d.Evaluator == FullEvaluator.Name && d.Dataset == dataset && d.Epochs == 0).ToList();
        var truth = truthScores.Where(d => d.Protocol == truthSession.Protocol && d.DatasetFingerprint == fingerprint && d.Seed == request.Seed).ToList();
        notes.AddRange(LeftOut("ground-truth", truthScores, truthSession.Protocol, truthSession.ProtocolJson, fingerprint, request.Seed));
        var failedTruth = truth.Count(d => d.Failure is not null || double.IsNaN(d.Value));
        if (failedTruth > 0)
        {
            notes.Add(Invariant($"{failedTruth} candidate(s) whose ground truth failed are left out of every figure."));
        }

        var candidates = truth.Where(d => d.Failure is null && !double.IsNaN(d.Value)).ToDictionary(d => d.Architecture, StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            notes.Add(Invariant(
                $"No candidate has a ground truth for {dataset} at seed {request.Seed} under the current full protocol ({truthSession.Protocol}). Make some with 'distillery nas --evaluator full --dataset {dataset} --seed {request.Seed}' (or --confirm-top K of a search)."));
        }

        notes.AddRange(MixedMachines(candidates.Values));
        var proxies = new List<ProxyRow>();
        var sameData = all.Where(d => d.Dataset == dataset && d.DatasetFingerprint == fingerprint
            && d.Seed == request.Seed && d.Epochs == 0 && candidates.ContainsKey(d.Architecture)).ToList();
        if (request.Evaluators is null)
        {
            var groups = sameData.Where(d => d.Evaluator != FullEvaluator.Name).GroupBy(d => (d.Evaluator, d.Protocol)).OrderBy(g => g.Key.Evaluator, StringComparer.Ordinal).ThenBy(g => g.Min(d => d.Recorded)).ToList();
            foreach (var group in groups)
            {
                var siblings = groups.Where(g => g.Key.Evaluator == group.Key.Evaluator && g.Key.Protocol != group.Key.Protocol).Select(g => g.First().ProtocolJson).ToList();
                var label = siblings.Count > 0
                    ? ProtocolLabel.For(group.Key.Evaluator, group.Key.Protocol, group.First().ProtocolJson, siblings)
                    : group.Key.Evaluator;
                proxies.Add(Row(label, group.Key.Evaluator, group.Key.Protocol, group.First().ProtocolJson, group.ToList(), candidates, 0));
            }
        }
        else
        {
            var space = new RecordedSpace(candidates.Values.OrderBy(d => d.Candidate, StringComparer.Ordinal).Select(d => (d.Candidate, d.Architecture)));
            foreach (var evaluator in request.Evaluators)
            {
                var session = await scorer.OpenAsync(evaluator, NoOverrides, data, cancellationToken).ConfigureAwait(false);
                var scores = sameData.Where(d => d.Evaluator == session.Name && d.Protocol == session.Protocol).ToList();
                notes.AddRange(LeftOut(
                    $"{session.Name}",
                    all.Where(d => d.Evaluator == session.Name && d.Dataset == dataset && d.Epochs == 0 && candidates.ContainsKey(d.Architecture)).ToList(),
                    session.Protocol,
                    session.ProtocolJson,
                    fingerprint,
                    request.Seed));
                var scoredNow = 0;
                if (request.ScoreMissing && scores.Count < candidates.Count)
                {
                    var have = scores.Select(d => d.Architecture).ToHashSet(StringComparer.Ordinal);
                    var missing = space.Enumerate().Where(c => !have.Contains(space.Architecture(c))).ToList();
                    using var task = progress.Start($"Scoring {missing.Count} candidate(s) with {session.Name}", missing.Count);
                    foreach (var candidate in missing)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var scored = await session.ScoreAsync(space, new CandidateTrial(candidate), request.Seed, progress, cancellationToken).ConfigureAwait(false);
                        scores.Add(Document(session, scored, request.Seed, fingerprint));
                        scoredNow++;
                        task.Advance();
                    }
                }

                proxies.Add(Row(session.Name, session.Name, session.Protocol, session.ProtocolJson, scores, candidates, scoredNow));
            }
        }

        if (proxies.Count == 0 && candidates.Count > 0)
        {
            notes.Add(Invariant(
                $"No proxy has stored scores for these candidates at seed {request.Seed}. Score them with 'distillery nas-report --evaluators NAME,... --score-missing', or search with 'distillery nas --evaluator NAME'."));
        }

        foreach (var names in request.Combinations)
        {
            proxies.Add(RankCombination.Combine([.. names.Select(name => Find(proxies, name))]));
        }

        foreach (var row in proxies.Where(p => p.Missing > 0))
        {
            notes.Add(Invariant(
                $"{row.Label} has no score for {row.Missing} of the {candidates.Count} candidates; its figures are over the {row.Points.Count} it has (--evaluators {row.Evaluator} --score-missing scores the rest under its current settings)."));
        }

        foreach (var row in proxies.Where(p => p.Failed > 0))
        {
            notes.Add(Invariant($"{row.Label} failed on {row.Failed} candidate(s); they count as its worst (tied at the bottom of its ranking)."));
        }

        return new ProxyReport(
            dataset, fingerprint, request.Seed, truthSession.Protocol, truthSession.ProtocolJson, candidates.Count, failedTruth, proxies, notes);
    }

    /// <summary>The proxy row of that label, or the only one of that evaluator.</summary>
    private static ProxyRow Find(IReadOnlyList<ProxyRow> rows, string name)
    {
        var byLabel = rows.FirstOrDefault(r => string.Equals(r.Label, name, StringComparison.Ordinal));
        if (byLabel is not null)
        {
            return byLabel;
        }

        var byEvaluator = rows.Where(r => string.Equals(r.Evaluator, name, StringComparison.Ordinal)).ToList();
        return byEvaluator.Count == 1
            ? byEvaluator[0]
            : throw new UserErrorException(
                $"--combine names '{name}', which is {(byEvaluator.Count == 0 ? "no proxy of this report" : "more than one proxy of this report")}. " +
                $"Name proxies by their labels: {string.Join(", ", rows.Select(r => $"'{r.Label}'"))}.")
            {
                Value = name,
            };
    }

    private static ProxyRow Row(
        string label,
        string evaluator,
        string protocol,
        string protocolJson,
        IReadOnlyList<ScoreDocument> scores,
        IReadOnlyDictionary<string, ScoreDocument> truth,
        int scoredNow)
    {
        var points = scores
            .Select(d => (Score: d, Truth: truth[d.Architecture]))
            .OrderBy(p => p.Truth.Candidate, StringComparer.Ordinal)
            .ToList();
        var proxyPoints = points.Select(p => new ProxyPoint(p.Truth.Candidate, p.Truth.Value, p.Score.Failure is null ? p.Score.Value : double.NaN)).ToList();
        return new ProxyRow(
            label,
            evaluator,
            protocol,
            protocolJson,
            proxyPoints,
            ProxyQuality.Compute(proxyPoints),
            truth.Count - points.Count,
            scoredNow,
            points.Sum(p => p.Score.Seconds),
            points.Sum(p => p.Truth.Seconds));
    }

    /// <summary>
    /// A note when the ground truth was made on more than one kind of machine (thread count, processor, instruction
    /// set): libtorch picks its kernels by them, so a candidate trained again elsewhere may score a little differently.
    /// </summary>
    private static IEnumerable<string> MixedMachines(IEnumerable<ScoreDocument> truth)
    {
        var machines = truth
            .GroupBy(d => Invariant($"{(d.Threads is { } threads ? $"{threads} thread(s)" : "threads unknown")}, {d.Processor ?? "processor unknown"}, {d.InstructionSet ?? "instruction set unknown"}"))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (machines.Count > 1)
        {
            yield return Invariant(
                $"The ground truth was made on {machines.Count} kinds of machine: {string.Join("; ", machines.Select(g => $"{g.Count()} on {g.Key}"))}. libtorch picks its kernels by thread count and processor, so a candidate trained again on another may differ in the last digits.");
        }
    }

    /// <summary>Notes on the scores of <paramref name="scores"/> that are left out: another protocol, other data, another seed.</summary>
    private static IEnumerable<string> LeftOut(string what, IReadOnlyList<ScoreDocument> scores, string protocol, string protocolJson, string fingerprint, long seed)
    {
        foreach (var group in scores.Where(d => d.Protocol != protocol).GroupBy(d => d.Protocol))
        {
            yield return Invariant(
                $"{group.Count()} {what} score(s) were made under another protocol ({group.Key}): {ProtocolDiff.Describe(group.First().ProtocolJson, protocolJson)}; they are not used.");
        }

        var otherData = scores.Where(d => d.Protocol == protocol && d.DatasetFingerprint != fingerprint).ToList();
        if (otherData.Count > 0)
        {
            yield return Invariant(
                $"{otherData.Count} {what} score(s) were made on other data of the same name (training-set fingerprint {string.Join(", ", otherData.Select(d => d.DatasetFingerprint).Distinct())}; now {fingerprint}); they are not used.");
        }

        var otherSeeds = scores.Where(d => d.Protocol == protocol && d.DatasetFingerprint == fingerprint && d.Seed != seed).ToList();
        if (otherSeeds.Count > 0)
        {
            yield return Invariant(
                $"{otherSeeds.Count} {what} score(s) are at other seeds ({string.Join(", ", otherSeeds.Select(d => d.Seed).Distinct().Order())}); this report is for seed {seed} (--seed).");
        }
    }

    private static ScoreDocument Document(EvaluatorSession session, ScoredTrial scored, long seed, string fingerprint) => new()
    {
        Evaluator = session.Name,
        Protocol = session.Protocol,
        ProtocolJson = session.ProtocolJson,
        Architecture = scored.Architecture,
        Candidate = scored.Trial.Candidate.Name,
        Dataset = session.Data.Info.Name,
        DatasetFingerprint = fingerprint,
        Seed = seed,
        Value = scored.Score.Value,
        Failure = scored.Score.Failure,
        Seconds = scored.Score.Seconds,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
