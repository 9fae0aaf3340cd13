using System.Diagnostics;
using System.Globalization;
using Distillery.Components;
using Distillery.Data;
using Distillery.Nas.Cluster.Coordinating;
using Distillery.Progress;
using Distillery.Search;
using Microsoft.Extensions.Logging;

namespace Distillery.Nas.Searching;

/// <summary>
/// Runs a search: asks the strategy for trials, scores each with the evaluator (stored scores are read back, new ones
/// stored at once), tells the strategy, and shows the best so far; then confirms the best candidates if asked.
/// A rerun of an interrupted search replays the stored scores and goes on from the first missing one.
/// </summary>
internal sealed class SearchRunner(
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    CandidateScorer scorer,
    ClusterConnector cluster,
    ILogger<SearchRunner> logger)
{
    public async Task<SearchResult> RunAsync(NasOptions options, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var space = catalog.Resolve<ISearchSpace>(options.Space);
        var strategy = catalog.Resolve<ISearchStrategy>(options.Strategy);
        var data = await datasets.LoadAsync(options.Dataset, progress, cancellationToken).ConfigureAwait(false);
        var evaluator = await scorer.OpenAsync(options.Evaluator, EvaluatorOverrides(options), data, cancellationToken).ConfigureAwait(false);
        var confirm = options.ConfirmTop > 0
            ? await scorer.OpenAsync(options.ConfirmWith, new Dictionary<string, string?>(), data, cancellationToken).ConfigureAwait(false)
            : null;

        var connected = options.Cluster ? await cluster.ConnectAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            return await RunAsync(options, space, strategy, evaluator, confirm, (ICandidateRunner?)connected ?? new LocalRunner(options.Concurrency), progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            if (connected is not null)
            {
                await connected.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<SearchResult> RunAsync(
        NasOptions options,
        ISearchSpace space,
        ISearchStrategy strategy,
        EvaluatorSession evaluator,
        EvaluatorSession? confirm,
        ICandidateRunner runner,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var search = strategy.Start(new SearchProblem(space, options.Evaluations, evaluator.Epochs), options.Seed);
        var trials = new List<ScoredTrial>();
        using (var task = progress.Start($"Search: {options.Strategy} over {options.Space}, scored by {evaluator.Name}", options.Evaluations))
        {
            while (!search.IsFinished)
            {
                var asked = search.Ask();
                if (asked.Count == 0)
                {
                    break;
                }

                foreach (var chunk in asked.Chunk(runner.Capacity))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var scoring = chunk.Select(trial => Task.Run(() => evaluator.ScoreAsync(space, trial, options.Seed, runner, progress, cancellationToken), cancellationToken)).ToList();
                    var scored = await Task.WhenAll(scoring).ConfigureAwait(false);

                    // Told in the order asked, whatever order they finished in, so the search does not depend on timing.
                    foreach (var result in scored)
                    {
                        trials.Add(result);
                        search.Tell(result.Trial, result.Score);
                        task.Advance();
                        task.Describe(Leader(options, evaluator.Name, trials, result));
                        logger.LogInformation("{Line}", Line(trials.Count, result));
                    }
                }
            }
        }

        var leaderboard = Leaderboard(trials);
        var confirmations = new List<Confirmation>();
        if (confirm is not null)
        {
            foreach (var best in leaderboard.Where(t => !t.Score.Failed).Take(options.ConfirmTop))
            {
                var truth = await confirm.ScoreAsync(space, new CandidateTrial(best.Trial.Candidate), options.Seed, runner, progress, cancellationToken).ConfigureAwait(false);
                confirmations.Add(new Confirmation(best, truth));
                logger.LogInformation("Confirmed {Candidate}: {Truth} by {Evaluator}", best.Trial.Candidate.Name, Format(truth.Score), confirm.Name);
            }
        }

        return new SearchResult(options, evaluator.Protocol, trials, leaderboard, confirmations, clock.Elapsed.TotalSeconds)
        {
            ScoresAreAccuracies = evaluator.Epochs is not null,
        };
    }

    /// <summary>Each candidate once, at the highest fidelity it was scored at; best first, failed last.</summary>
    public static IReadOnlyList<ScoredTrial> Leaderboard(IEnumerable<ScoredTrial> trials) =>
        trials
            .GroupBy(t => t.Trial.Candidate)
            .Select(g => g.OrderByDescending(t => t.Trial.Epochs ?? int.MaxValue).First())
            .OrderBy(t => t.Score.Failed ? 1 : 0)
            .ThenByDescending(t => t.Trial.Epochs ?? int.MaxValue)
            .ThenByDescending(t => t.Score.Value)
            .ThenBy(t => t.Trial.Candidate.Name, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string?> EvaluatorOverrides(NasOptions options) =>
        options.Set is { } set ? new(StringComparer.Ordinal) { ["Set"] = set } : new(StringComparer.Ordinal);

    private static string Leader(NasOptions options, string evaluator, List<ScoredTrial> trials, ScoredTrial last)
    {
        var best = Leaderboard(trials).FirstOrDefault(t => !t.Score.Failed);
        var bestText = best is null ? "none yet" : $"{best.Trial.Candidate.Name} {Format(best.Score)}";
        return $"Search ({evaluator}), {trials.Count}/{options.Evaluations}: best {bestText}; last {last.Trial.Candidate.Name} {Format(last.Score)}";
    }

    private static string Line(int number, ScoredTrial scored) => string.Create(
        CultureInfo.InvariantCulture,
        $"#{number} {scored.Trial.Candidate.Name}{(scored.Trial.Epochs is { } e ? $" @{e} epochs" : string.Empty)}: {Format(scored.Score)} " +
        $"({(scored.Stored ? "stored" : $"{scored.Score.Seconds:F1} s")})");

    public static string Format(CandidateScore score) =>
        score.Failed ? $"failed ({score.Failure})" : score.Value.ToString("G5", CultureInfo.InvariantCulture);
}
