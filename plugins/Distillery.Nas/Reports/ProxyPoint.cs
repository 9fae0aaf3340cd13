namespace Distillery.Nas.Reports;

/// <summary>
/// One candidate as a proxy and the ground truth scored it: its name, its ground-truth accuracy, and the proxy's score
/// (NaN when the proxy failed on it).
/// </summary>
internal sealed record ProxyPoint(string Candidate, double Truth, double Proxy)
{
    public bool ProxyFailed => double.IsNaN(Proxy);

    /// <summary>The proxy's score for ranking: a failure ranks below every score (and ties with other failures).</summary>
    public double ProxyRank => ProxyFailed ? double.NegativeInfinity : Proxy;
}
