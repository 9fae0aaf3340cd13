using Distillery.Host.Output;
using Distillery.Runs;
using Distillery.Training;

namespace Distillery.Tests.Host;

public sealed class SnapshotTableTests
{
    private static readonly EvaluationResult Soft = new("convnet", [0.80, 0.82], 1.0);

    [Fact]
    public void SnapshotsWithoutHardLabelsHaveNoHardLabelColumn()
    {
        var table = SnapshotTable.From([new SnapshotResult(10, 5, 4, Soft, "a.png")]);

        table.Columns.Should().NotContain("hard labels %");
        table.Rows.Single().Should().HaveCount(table.Columns.Count);
    }

    [Fact]
    public void HardLabelsGetAColumnBesideTheAccuracyAndADashWhereASnapshotHasNone()
    {
        var table = SnapshotTable.From(
        [
            new SnapshotResult(10, 5, 4, Soft, "a.png") { HardLabels = new EvaluationResult("convnet", [0.70, 0.70], 1.0) },
            new SnapshotResult(20, 9, 8, Soft, "b.png"),
        ]);

        var column = table.Columns.ToList().IndexOf("hard labels %");
        column.Should().Be(table.Columns.ToList().IndexOf("accuracy %") + 1);
        table.Rows.Should().AllSatisfy(row => row.Should().HaveCount(table.Columns.Count));
        table.Rows[0][column].Should().Be("70.00 ± 0.00");
        table.Rows[1][column].Should().Be("—");
    }
}
