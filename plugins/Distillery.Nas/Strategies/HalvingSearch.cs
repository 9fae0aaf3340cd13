using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>
/// One run of successive halving: each ask is a whole rung, every candidate of it at the rung's epochs (the last rung at
/// the evaluator's full protocol, <see cref="CandidateTrial.Epochs"/> null). When a rung is told, its best ⌈n/η⌉
/// scores (failed ones never, ties broken by candidate name) make the next rung. It finishes after the last rung, or
/// early when no candidate of a rung could be scored.
/// </summary>
internal sealed class HalvingSearch : ISearch
{
    private readonly IReadOnlyList<int> _rungEpochs;
    private readonly int _eta;
    private readonly Dictionary<CandidateTrial, CandidateScore?> _told = [];
    private IReadOnlyList<Candidate> _candidates;
    private int _rung;

    public HalvingSearch(IReadOnlyList<Candidate> candidates, IReadOnlyList<int> rungEpochs, int eta)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rungEpochs);
        _candidates = candidates;
        _rungEpochs = rungEpochs;
        _eta = eta;
    }

    public bool IsFinished => _rung >= _rungEpochs.Count || _candidates.Count == 0;

    /// <summary>The rung the next ask is for (0 first).</summary>
    public int Rung => _rung;

    public IReadOnlyList<CandidateTrial> Ask()
    {
        if (IsFinished)
        {
            return [];
        }

        var last = _rung == _rungEpochs.Count - 1;
        var trials = _candidates.Select(c => new CandidateTrial(c, last ? null : _rungEpochs[_rung])).ToList();
        foreach (var trial in trials)
        {
            _told.TryAdd(trial, null);
        }

        return trials;
    }

    public void Tell(CandidateTrial trial, CandidateScore score)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(score);
        if (!_told.TryGetValue(trial, out var previous) || previous is not null)
        {
            throw new InvalidOperationException($"Told the score of {trial.Candidate} at {trial.Epochs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "full"} epochs, which was not asked for or was told already.");
        }

        _told[trial] = score;
        if (_told.Values.All(s => s is not null))
        {
            Promote();
        }
    }

    private void Promote()
    {
        var keep = HalvingStrategy.Survivors(_candidates.Count, _eta);
        _candidates = _told
            .Where(t => !t.Value!.Failed && !double.IsNaN(t.Value.Value))
            .OrderByDescending(t => t.Value!.Value)
            .ThenBy(t => t.Key.Candidate.Name, StringComparer.Ordinal)
            .Take(keep)
            .Select(t => t.Key.Candidate)
            .ToList();
        _told.Clear();
        _rung++;
    }
}
