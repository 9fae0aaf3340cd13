using System.Text.Json.Nodes;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.MultiFormation;

/// <summary>
/// Multi-formation through the host and the built plugins, on the committed Fashion-MNIST fixture: dm, dc and dsa
/// learn images through the decoding, evaluation trains on the decoded images, export writes them.
/// </summary>
public sealed class FormationCommandLineTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DmWithFactorTwoStoresTenImagesThatEvaluateAndExportAsForty()
    {
        var run = await DistillAsync("dm", "--Methods:dm:Factor=2", "--Methods:dm:Iterations=2", "--Methods:dm:BatchReal=8", "--snapshot-at", "2", "--Evaluation:Epochs=1");
        run.ExitCode.Should().Be(0, run.Error);
        var distilled = JsonNode.Parse(run.Out)!;
        ((long)distilled["budget"]!["training_images"]!).Should().Be(40);
        var snapshot = distilled["snapshots"]!.AsArray().Single()!;
        ((double)snapshot["mean"]!).Should().BeInRange(0.0, 1.0);

        using (var store = Store())
        {
            using var set = await store.LoadSetAsync("dm-fashion-mnist-ipc1-seed0", CancellationToken.None);
            set.Images.shape.Should().Equal([10L, 1, 28, 28]);
            set.Formation.Should().Be(new Formation(2));
            set.Provenance.OptionsJson.Should().Contain("\"Factor\":2");
            set.Images.isfinite().all().item<bool>().Should().BeTrue();
        }

        var evaluate = await HostAsync("evaluate", "dm-fashion-mnist-ipc1-seed0", "--arch", "convnet:d1-w8", "--epochs", "1", "--networks", "1", "--no-baseline", "--output", "json");
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        var budget = JsonNode.Parse(evaluate.Out)!["budget"]!;
        ((long)budget["training_images"]!).Should().Be(40);
        ((long)budget["numbers"]!).Should().Be(10 * 28 * 28);
        ((int)budget["factor"]!).Should().Be(2);

        var file = _temp.Combine("dm.pt");
        var export = await HostAsync("sets", "export", "dm-fashion-mnist-ipc1-seed0", file);
        export.ExitCode.Should().Be(0, export.Error);
        using var exported = PyTorchSetFile.Import(file, new SetProvenance { Method = "x", Dataset = "x", ImagesPerClass = 0, Seed = 0 });
        exported.Images.shape.Should().Equal([40L, 1, 28, 28]);
        exported.Provenance.DecodedFromFactor.Should().Be(2);

        var show = await HostAsync("sets", "show", "dm-fashion-mnist-ipc1-seed0", "--output", "json", "--out", _temp.Combine("show.png"));
        show.ExitCode.Should().Be(0, show.Error);
        ((int)JsonNode.Parse(show.Out)!["factor"]!).Should().Be(2);
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task GradientMatchingWithFactorTwoLearnsTheStoredImages(string method)
    {
        var run = await DistillAsync(method, $"--Methods:{method}:Factor=2", $"--Methods:{method}:Iterations=1", $"--Methods:{method}:BatchReal=8", $"--Methods:{method}:Init=real");
        run.ExitCode.Should().Be(0, run.Error);

        using var store = Store();
        using var set = await store.LoadSetAsync($"{method}-fashion-mnist-ipc1-seed0", CancellationToken.None);
        set.Images.shape.Should().Equal([10L, 1, 28, 28]);
        set.Formation.Factor.Should().Be(2);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("dm", "3", "1, 2 or 4")]
    [InlineData("dsa", "3", "1, 2 or 4")]
    [InlineData("dm", "5", "Factor")]
    [InlineData("dc", "0", "Factor")]
    [InlineData("dm", "two", "Factor")]
    public async Task ABadFactorIsAUserErrorBeforeAnyWork(string method, string factor, string message)
    {
        var run = await DistillAsync(method, $"--Methods:{method}:Factor={factor}", $"--Methods:{method}:Iterations=1");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(message);
        run.Error.Should().NotContain("   at ");
    }

    private LiteDbWorkspaceStore Store() => new(new WorkspaceOptions { Path = _temp.Combine("work.db") });

    private Task<HostRun> DistillAsync(string method, params string[] extra) => HostAsync(
    [
        "distill", "--method", method, "--dataset", "fashion-mnist", "--ipc", "1", "--arch", "convnet:d1-w8", "--output", "json",
        .. extra,
    ]);

    private Task<HostRun> HostAsync(params string[] arguments) => HostRun.StartAsync(
    [
        .. arguments,
        "--workspace", _temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
    ]);
}
