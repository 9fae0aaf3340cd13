using Distillery.Scenarios;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Searching;

/// <summary>The architecture-search scenario: runs the search of <c>Scenarios:nas</c> and reports its leaderboard.</summary>
internal sealed class NasScenario(IOptions<NasOptions> options, SearchRunner runner) : IScenario
{
    public const string Name = "nas";

    public async Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await runner.RunAsync(options.Value, context.Progress, cancellationToken).ConfigureAwait(false);
        return SearchReport.Create(result);
    }
}
