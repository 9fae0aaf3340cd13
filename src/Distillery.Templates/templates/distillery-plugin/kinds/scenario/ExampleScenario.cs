using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Data;
using Distillery.Scenarios;
using Microsoft.Extensions.Options;

namespace DistilleryPlugin1;

/// <summary>
/// Run with `distillery run experiment.json`, where the file says <c>{"scenario": "example-component"}</c> and may
/// carry a <c>Scenarios:example-component</c> section. Other components come from the catalog, by name.
/// </summary>
public sealed class ExampleScenario(IOptions<ExampleScenarioOptions> options, IComponentCatalog catalog) : IScenario
{
    public async Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = catalog.Resolve<IDataset>(options.Value.Dataset);

        // The splits own their tensors: dispose them when done.
        using var splits = await dataset.LoadAsync(context.Progress, cancellationToken);
        var rows = new List<IReadOnlyList<string>>();
        var counts = new JsonArray();
        for (var label = 0; label < splits.Info.NumClasses; label++)
        {
            var name = splits.Info.ClassNames[label];
            int train = splits.Train.CountOf(label), test = splits.Test.CountOf(label);
            rows.Add([name, train.ToString(CultureInfo.InvariantCulture), test.ToString(CultureInfo.InvariantCulture)]);
            counts.Add(new JsonObject { ["class"] = name, ["train"] = train, ["test"] = test });
        }

        var table = new ReportTable($"Images per class of {splits.Info.Name}", ["class", "train", "test"], rows);
        var data = new JsonObject { ["dataset"] = splits.Info.Name, ["classes"] = counts };
        return new RunReport($"example-component: {splits.Info.Name}", [table], data, []);
    }
}
