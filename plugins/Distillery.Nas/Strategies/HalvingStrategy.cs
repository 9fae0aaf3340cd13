using System.Globalization;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Strategies;

/// <summary>
/// Successive halving over training epochs (Jamieson &amp; Talwalkar, 2016; the inner loop of Hyperband): the search's
/// <see cref="SearchProblem.Evaluations"/> candidates, sampled from the space, are trained for few epochs; the best
/// ⌈n/η⌉ go on to η times as many epochs, and so on until the last rung, which is the evaluator's full protocol.
/// <para>
/// Rungs: the first trains m = <see cref="HalvingOptions.MinEpochs"/> epochs, rung i trains m·ηⁱ, and the last trains the
/// evaluator's epochs M; there are 1 + ⌊log_η(M/m)⌋ rungs, so each trains at least η times as long as the one before.
/// Without MinEpochs, m = ⌊M / η^(r−1)⌋ with r = 1 + min(⌊log_η n⌋, ⌊log_η M⌋) rungs: as many as leave the last rung a
/// candidate and the first at least one epoch.
/// </para>
/// <para>
/// Trials: n + ⌈n/η⌉ + ⌈n/η²⌉ + … over the rungs (see <see cref="TotalTrials"/>), fewer when candidates fail (a failed
/// candidate is never promoted); e.g. 20 candidates, η = 3, 3 epochs: 20 at 1 epoch + 7 at 3 = 27 trials.
/// </para>
/// </summary>
internal sealed class HalvingStrategy(IOptions<HalvingOptions> options) : ISearchStrategy
{
    public const string Name = "halving";

    public ISearch Start(SearchProblem problem, long seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.MaxEpochs is not { } maxEpochs)
        {
            throw new UserErrorException(
                "The search's evaluator scores candidates at initialisation, without training, so it has no fewer epochs to start from; " +
                "successive halving needs an evaluator that trains, e.g. set, subset, early-stop or full (or use another strategy: random, evolution).")
            {
                Setting = "Evaluator",
            };
        }

        var rungs = Rungs(problem.Evaluations, maxEpochs, options.Value.Eta, options.Value.MinEpochs);
        return new HalvingSearch(problem.Space.Sample(problem.Evaluations, seed), rungs, options.Value.Eta);
    }

    /// <summary>
    /// The epochs of each rung, lowest first; the last is <paramref name="maxEpochs"/> (asked as the full protocol).
    /// </summary>
    public static IReadOnlyList<int> Rungs(int candidates, int maxEpochs, int eta, int? minEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eta, 2);
        if (minEpochs is { } m && m > maxEpochs)
        {
            throw new UserErrorException(string.Create(
                CultureInfo.InvariantCulture,
                $"Successive halving's first rung ({SearchSections.Strategies}:{Name}:MinEpochs {m}) trains more epochs than the evaluator's whole protocol ({maxEpochs}). Give MinEpochs at most {maxEpochs}, or leave it out for {maxEpochs} / Eta^(rungs-1)."))
            {
                Setting = $"{SearchSections.Strategies}:{Name}:MinEpochs",
                Value = m.ToString(CultureInfo.InvariantCulture),
            };
        }

        var first = minEpochs ?? maxEpochs / Power(eta, Math.Min(FloorLog(Math.Max(candidates, 1), eta), FloorLog(maxEpochs, eta)));
        var rungs = 1 + FloorLog(maxEpochs / first, eta);
        var epochs = new List<int>(rungs);
        for (var (rung, e) = (0, first); rung < rungs - 1; rung++, e *= eta)
        {
            epochs.Add(e);
        }

        epochs.Add(maxEpochs);
        return epochs;
    }

    /// <summary>How many trials a halving of <paramref name="candidates"/> over <paramref name="rungs"/> rungs asks for when none fails.</summary>
    public static int TotalTrials(int candidates, int rungs, int eta)
    {
        var total = 0;
        for (var (rung, n) = (0, candidates); rung < rungs; rung++, n = Survivors(n, eta))
        {
            total += n;
        }

        return total;
    }

    /// <summary>⌈n/η⌉: how many of a rung of <paramref name="n"/> go on.</summary>
    public static int Survivors(int n, int eta) => (n + eta - 1) / eta;

    private static int FloorLog(int value, int eta)
    {
        var log = 0;
        for (long power = eta; power <= value; power *= eta)
        {
            log++;
        }

        return log;
    }

    private static int Power(int eta, int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= eta;
        }

        return result;
    }
}
