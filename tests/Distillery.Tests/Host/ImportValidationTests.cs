using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Datasets;
using Distillery.Tests.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Host;

/// <summary><c>sets import</c> refuses a set that cannot work, saying what is wrong, and stores nothing.</summary>
public sealed class ImportValidationTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AGoodSetIsImported()
    {
        var run = await ImportAsync(Write(Images(10), Labels(0, 10)), "fashion-mnist");

        run.ExitCode.Should().Be(0, run.Error);
        (await StoredNamesAsync()).Should().Equal("imported");
    }

    [Fact]
    public async Task ImagesWithNanOrInfiniteValuesAreRefused()
    {
        using var images = Images(10);
        images[3, 0, 5, 5] = torch.tensor(float.NaN);
        images[7, 0, 1, 1] = torch.tensor(float.PositiveInfinity);

        var run = await ImportAsync(Write(images, Labels(0, 10)), "fashion-mnist");

        await RefusedAsync(run, "NaN or infinite", "2 of 10 images", "image 3");
    }

    [Fact]
    public async Task ImagesOfAnotherShapeThanTheDatasetsAreRefused()
    {
        var run = await ImportAsync(Write(torch.zeros(10, 3, 32, 32), Labels(0, 10)), "fashion-mnist");

        await RefusedAsync(run, "3×32×32", "1×28×28");
    }

    [Fact]
    public async Task LabelsOutsideTheDatasetsClassesAreRefused()
    {
        var run = await ImportAsync(Write(Images(10), Labels(5, 10)), "fashion-mnist");

        await RefusedAsync(run, "labels from 5 to 14", "10 classes");
    }

    [Fact]
    public async Task AnEmptySetIsRefused()
    {
        var run = await ImportAsync(Write(torch.zeros(0, 1, 28, 28), torch.zeros(0, ScalarType.Int64)), "fashion-mnist");

        await RefusedAsync(run, "no images");
    }

    [Fact]
    public async Task ASetMissingAClassIsRefusedNamingIt()
    {
        var run = await ImportAsync(Write(Images(9), Labels(0, 9)), "fashion-mnist");

        await RefusedAsync(run, "class 9", "Ankle boot");
    }

    [Fact]
    public async Task A28By28SetTaggedCifar10IsRefused()
    {
        var cifar = _temp.Folder("cifar");
        CifarFixture.WriteExtracted(cifar);

        var run = await ImportAsync(Write(Images(10), Labels(0, 10)), "cifar10", $"--Datasets:cifar10:Path={cifar}");

        await RefusedAsync(run, "1×28×28", "3×32×32");
    }

    [Fact]
    public async Task AFileThatIsNeitherZipNorPickleSaysSo()
    {
        var path = _temp.Combine("x.pt");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 2048).Select(i => (byte)(i * 31 % 251)).ToArray());

        var run = await ImportAsync(path, "fashion-mnist");

        await RefusedAsync(run, "neither a zip archive", "nor a pickle");
        run.Error.Should().NotContain("old PyTorch format");
    }

    private static Tensor Images(int count) => torch.rand(count, 1, 28, 28, generator: new Generator(7));

    private static Tensor Labels(int first, int count) => torch.arange(first, first + count, dtype: ScalarType.Int64);

    private string Write(Tensor images, Tensor labels)
    {
        var path = _temp.Combine($"set-{Guid.NewGuid():N}.pt");
        using var set = new SyntheticSet(images.alias(), labels.alias(), new SetProvenance { Method = "outside", Dataset = "fashion-mnist", ImagesPerClass = 1, Seed = 0 });
        PyTorchSetFile.Export(set, path);
        return path;
    }

    private Task<HostRun> ImportAsync(string file, string dataset, params string[] extra) => HostRun.StartAsync(
    [
        "sets", "import", file, "--name", "imported", "--dataset", dataset,
        .. FixtureHost.Arguments(_temp),
        .. extra,
    ]);

    private async Task RefusedAsync(HostRun run, params string[] said)
    {
        run.ExitCode.Should().Be(2, run.Error);
        foreach (var text in said)
        {
            run.Error.Should().Contain(text);
        }

        (await StoredNamesAsync()).Should().BeEmpty();
    }

    private async Task<IEnumerable<string>> StoredNamesAsync()
    {
        if (!File.Exists(_temp.Combine("work.db")))
        {
            return [];
        }

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        return (await store.ListSetsAsync(CancellationToken.None)).Select(set => set.Name);
    }
}
