using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Kit;
using LiteDB;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

public sealed class WorkspaceSetTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task SetRoundTripsBitForBitWithProvenance()
    {
        var store = _workspace.Open();
        float[] special = [float.NaN, BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00042)), -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon];
        using var generator = new Generator(3);
        var images = torch.randn([2, 3, 4, 4], generator: generator);
        images.view(-1)[TensorIndex.Slice(0, special.Length)] = torch.tensor(special);
        var softLabels = torch.tensor(new[] { 0.7f, -0f, float.NaN, 0.1f, 0.2f, 0.3f }).reshape(2, 3);
        var provenance = TempWorkspace.Provenance();
        using var set = new SyntheticSet(images, torch.tensor(new[] { long.MaxValue, -5L }), provenance)
        {
            SoftLabels = softLabels,
            LearnedLearningRate = 0.1 + 0.2,
        };

        var info = await store.SaveSetAsync("dm-ipc2", set, overwrite: false, CancellationToken.None);
        using var loaded = await _workspace.Open().LoadSetAsync("dm-ipc2", CancellationToken.None);

        loaded.Images.Should().BeBitEqualTo(set.Images);
        loaded.Labels.Should().BeBitEqualTo(set.Labels);
        loaded.SoftLabels!.Should().BeBitEqualTo(set.SoftLabels);
        loaded.LearnedLearningRate.Should().Be(0.1 + 0.2);
        loaded.Provenance.Method.Should().Be(provenance.Method);
        loaded.Provenance.Seed.Should().Be(provenance.Seed);
        loaded.Provenance.CreatedAt.Should().Be(provenance.CreatedAt);
        loaded.Provenance.OptionsJson.Should().Be(provenance.OptionsJson);
        loaded.Provenance.SourceIndices.Should().Equal(provenance.SourceIndices);
        double.IsNaN(loaded.Provenance.Metrics["nan"]).Should().BeTrue();
        loaded.Provenance.Metrics["loss"].Should().Be(0.25);
        info.Name.Should().Be("dm-ipc2");
        info.Bytes.Should().Be((2 * 3 * 16 * 4) + (2 * 8) + (6 * 4));
        info.SchemaVersion.Should().Be(1);
        info.Shape.Should().Equal([2L, 3L, 4L, 4L]);
    }

    [Fact]
    public async Task SetWithoutOptionalPartsLoadsWithoutThem()
    {
        var store = _workspace.Open();
        using var set = TempWorkspace.MakeSet();

        await store.SaveSetAsync("plain", set, overwrite: false, CancellationToken.None);
        using var loaded = await store.LoadSetAsync("plain", CancellationToken.None);

        loaded.SoftLabels.Should().BeNull();
        loaded.LearnedLearningRate.Should().BeNull();
        loaded.Images.Should().BeBitEqualTo(set.Images);
    }

    [Fact]
    public async Task TensorLargerThanAChunkIsSplitAndReassembled()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        using var generator = new Generator(5);
        using var set = new SyntheticSet(
            torch.randn([3, 1, 25, 10], generator: generator),
            torch.zeros(3, ScalarType.Int64),
            TempWorkspace.Provenance());

        await store.SaveSetAsync("big", set, overwrite: false, CancellationToken.None);
        using var loaded = await store.LoadSetAsync("big", CancellationToken.None);

        loaded.Images.Should().BeBitEqualTo(set.Images);
        // 3000 bytes of images in 1024-byte chunks: 3 chunks; 24 bytes of labels: 1.
        _workspace.CountChunks().Should().Be(4);
        using var raw = _workspace.OpenRaw();
        raw.GetCollection("tensor_chunks").FindAll().Should().AllSatisfy(chunk => chunk["data"].AsBinary.Length.Should().BeLessThanOrEqualTo(1024));
        raw.GetCollection("tensor_chunks").FindAll().Should().AllSatisfy(chunk => chunk["schema"].AsInt32.Should().Be(1));
        raw.GetCollection("sets").FindOne(Query.All())["schema"].AsInt32.Should().Be(1);
    }

    [Fact]
    public async Task ListsSetsByNameAndDeletesThemWithTheirChunks()
    {
        var store = _workspace.Open();
        using var first = TempWorkspace.MakeSet(seed: 1);
        using var second = TempWorkspace.MakeSet(count: 9, seed: 2);
        await store.SaveSetAsync("zeta", first, overwrite: false, CancellationToken.None);
        await store.SaveSetAsync("alpha", second, overwrite: false, CancellationToken.None);

        var listed = await store.ListSetsAsync(CancellationToken.None);
        listed.Select(info => info.Name).Should().Equal(["alpha", "zeta"]);
        listed[0].Shape.Should().Equal([9L, 1L, 4L, 4L]);
        listed[0].Provenance.Seed.Should().Be(2L);
        (await store.SetExistsAsync("zeta", CancellationToken.None)).Should().BeTrue();

        await store.DeleteSetAsync("zeta", CancellationToken.None);

        (await store.SetExistsAsync("zeta", CancellationToken.None)).Should().BeFalse();
        (await store.ListSetsAsync(CancellationToken.None)).Select(info => info.Name).Should().Equal(["alpha"]);
        _workspace.CountChunks().Should().Be(2);
    }

    [Fact]
    public async Task SavingAnExistingNameNeedsOverwrite()
    {
        var store = _workspace.Open();
        using var first = TempWorkspace.MakeSet(seed: 1);
        using var second = TempWorkspace.MakeSet(count: 3, seed: 2);
        await store.SaveSetAsync("mine", first, overwrite: false, CancellationToken.None);

        var error = (await FluentActions.Awaiting(() => store.SaveSetAsync("mine", second, overwrite: false, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("a set named 'mine' exists");
        error.Message.Should().Contain("Overwrite");
        error.Setting.Should().Be("SetName");
        using (var unchanged = await store.LoadSetAsync("mine", CancellationToken.None))
        {
            unchanged.Images.Should().BeBitEqualTo(first.Images);
        }

        await store.SaveSetAsync("mine", second, overwrite: true, CancellationToken.None);

        using var replaced = await store.LoadSetAsync("mine", CancellationToken.None);
        replaced.Images.Should().BeBitEqualTo(second.Images);
        _workspace.CountChunks().Should().Be(2);
    }

    [Fact]
    public async Task UnknownNameListsTheStoredNames()
    {
        var store = _workspace.Open();
        var empty = (await FluentActions.Awaiting(() => store.LoadSetAsync("nope", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        empty.Message.Should().Contain("holds no sets");
        using var set = TempWorkspace.MakeSet();
        await store.SaveSetAsync("b-set", set, overwrite: false, CancellationToken.None);
        await store.SaveSetAsync("a-set", set, overwrite: false, CancellationToken.None);

        var error = (await FluentActions.Awaiting(() => store.LoadSetAsync("nope", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        var deleteError = (await FluentActions.Awaiting(() => store.DeleteSetAsync("nope", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("no set named 'nope'");
        error.Message.Should().Contain("stored sets: a-set, b-set");
        deleteError.Message.Should().Be(error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public async Task AFileThatIsNotAWorkspaceIsNamed(int lines)
    {
        var path = System.IO.Path.Combine(_workspace.Folder, "notes.txt");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("these are not the pages of a database\n", lines)));
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = path });

        var error = (await FluentActions.Awaiting(() => store.ListSetsAsync(CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(path);
        error.Message.Should().Contain("not a Distillery workspace (LiteDB) file");
        (new FileInfo(path).Length).Should().Be(lines * 38);
    }

    [Fact]
    public async Task CreatesTheFileAndItsFolderOnTheFirstWriteNotOnARead()
    {
        var path = System.IO.Path.Combine(_workspace.Folder, "nested", "later.db");
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = path });
        File.Exists(path).Should().BeFalse();

        (await store.ListSetsAsync(CancellationToken.None)).Should().BeEmpty();
        File.Exists(path).Should().BeFalse();

        using var set = TempWorkspace.MakeSet();
        await store.SaveSetAsync("first", set, overwrite: false, CancellationToken.None);
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task DamagedChunkIsReportedByNameAndOtherSetsStillLoad()
    {
        var store = _workspace.Open();
        using var good = TempWorkspace.MakeSet(seed: 1);
        using var victim = TempWorkspace.MakeSet(seed: 2);
        await store.SaveSetAsync("good", good, overwrite: false, CancellationToken.None);
        await store.SaveSetAsync("victim", victim, overwrite: false, CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            var owner = raw.GetCollection("sets").FindOne(Query.EQ("name", "victim"))["_id"].AsString;
            var chunks = raw.GetCollection("tensor_chunks");
            var chunk = chunks.FindById($"{owner}/images/0");
            var data = chunk["data"].AsBinary;
            data[17] ^= 0x40;
            chunk["data"] = data;
            chunks.Update(chunk).Should().BeTrue();
        }

        var error = (await FluentActions.Awaiting(() => store.LoadSetAsync("victim", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("the set 'victim'");
        error.Message.Should().Contain("damaged");
        error.Message.Should().Contain("SHA-256");
        using var stillGood = await store.LoadSetAsync("good", CancellationToken.None);
        stillGood.Images.Should().BeBitEqualTo(good.Images);
        (await store.ListSetsAsync(CancellationToken.None)).Count.Should().Be(2);
    }

    [Fact]
    public async Task MissingChunkOrBrokenHeaderIsReportedByName()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        using var set = TempWorkspace.MakeSet(count: 40);
        await store.SaveSetAsync("short", set, overwrite: false, CancellationToken.None);
        await store.SaveSetAsync("headless", set, overwrite: false, CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            var sets = raw.GetCollection("sets");
            var owner = sets.FindOne(Query.EQ("name", "short"))["_id"].AsString;
            raw.GetCollection("tensor_chunks").Delete($"{owner}/images/1").Should().BeTrue();
            var header = sets.FindOne(Query.EQ("name", "headless"));
            header["tensors"] = "not a list";
            sets.Update(header).Should().BeTrue();
        }

        var missing = (await FluentActions.Awaiting(() => store.LoadSetAsync("short", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        var broken = (await FluentActions.Awaiting(() => store.LoadSetAsync("headless", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        missing.Message.Should().Contain("the set 'short'");
        missing.Message.Should().Contain("chunk 1 of the 'images' tensor is missing");
        broken.Message.Should().Contain("the set 'headless'");
        broken.Message.Should().Contain("'tensors'");
        await FluentActions.Awaiting(() => store.ListSetsAsync(CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>();
        await store.DeleteSetAsync("headless", CancellationToken.None);
        (await store.ListSetsAsync(CancellationToken.None)).Select(info => info.Name).Should().Equal(["short"]);
    }

    [Fact]
    public async Task TwoStoresOnOneFileSeeEachOthersWrites()
    {
        var one = _workspace.Open();
        var two = _workspace.Open();
        using var first = TempWorkspace.MakeSet(seed: 1);
        using var second = TempWorkspace.MakeSet(seed: 2);

        await one.SaveSetAsync("from-one", first, overwrite: false, CancellationToken.None);
        (await two.SetExistsAsync("from-one", CancellationToken.None)).Should().BeTrue();
        await two.SaveSetAsync("from-two", second, overwrite: false, CancellationToken.None);

        using var loaded = await one.LoadSetAsync("from-two", CancellationToken.None);
        loaded.Images.Should().BeBitEqualTo(second.Images);
        (await one.ListSetsAsync(CancellationToken.None)).Select(info => info.Name).Should().Equal(["from-one", "from-two"]);
        await FluentActions.Awaiting(() => two.SaveSetAsync("from-one", second, overwrite: false, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>();
    }

    public void Dispose() => _workspace.Dispose();
}
