namespace Distillery.Nas.Reports;

/// <summary>
/// The proxy-quality report of one dataset and seed: the ground truth it is measured against (the <c>full</c>
/// evaluator under its current protocol), one row per proxy, and notes on the scores it left out and why.
/// </summary>
internal sealed record ProxyReport(
    string Dataset,
    string DatasetFingerprint,
    long Seed,
    string TruthProtocol,
    string TruthProtocolJson,
    int TruthCandidates,
    int TruthFailed,
    IReadOnlyList<ProxyRow> Proxies,
    IReadOnlyList<string> Notes);

/// <summary>
/// One proxy against the ground truth: its quality figures over the candidates it scored (<see cref="Points"/>), how many
/// of the ground truth's candidates it has no score for (<see cref="Missing"/>) or failed on, how many this report scored
/// now, and its cost: seconds per candidate and in all, beside the ground truth's seconds for the same candidates.
/// </summary>
internal sealed record ProxyRow(
    string Label,
    string Evaluator,
    string Protocol,
    string ProtocolJson,
    IReadOnlyList<ProxyPoint> Points,
    ProxyMetrics Metrics,
    int Missing,
    int ScoredNow,
    double Seconds,
    double TruthSeconds)
{
    public int Failed => Points.Count(p => p.ProxyFailed);

    public double SecondsPerCandidate => Points.Count == 0 ? double.NaN : Seconds / Points.Count;

    /// <summary>The ground truth's seconds over the proxy's, for the same candidates (infinite for a proxy that took no time).</summary>
    public double SpeedUp => Points.Count == 0 ? double.NaN : Seconds > 0 ? TruthSeconds / Seconds : double.PositiveInfinity;
}
