using Distillery.Storage;

namespace Distillery.Tests.Storage;

public sealed class WorkspaceRunTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task SaveUpsertsByIdAndListOrdersByStart()
    {
        var store = _workspace.Open();
        var start = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));
        await store.SaveRunAsync(new RunRecord { Id = "later", Kind = "benchmark", Status = "running", StartedAt = start.AddMinutes(5) }, CancellationToken.None);
        await store.SaveRunAsync(new RunRecord { Id = "first", Kind = "distill", Status = "running", StartedAt = start }, CancellationToken.None);
        var finished = new RunRecord
        {
            Id = "first",
            Kind = "distill",
            Status = "completed",
            StartedAt = start,
            FinishedAt = start.AddSeconds(90),
            SetName = "dm-ipc10",
            Json = """{"accuracy":0.8}""",
        };

        await store.SaveRunAsync(finished, CancellationToken.None);
        var runs = await _workspace.Open().ListRunsAsync(CancellationToken.None);

        runs.Select(run => run.Id).Should().Equal(["first", "later"]);
        runs[0].Should().Be(finished);
        runs[1].FinishedAt.Should().BeNull();
        runs[1].SetName.Should().BeNull();
    }

    public void Dispose() => _workspace.Dispose();
}
