using Distillery.Methods;
using Distillery.Storage;
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

        TensorAssert.BitEqual(set.Images, loaded.Images);
        TensorAssert.BitEqual(set.Labels, loaded.Labels);
        TensorAssert.BitEqual(set.SoftLabels, loaded.SoftLabels!);
        Assert.Equal(0.1 + 0.2, loaded.LearnedLearningRate);
        Assert.Equal(provenance.Method, loaded.Provenance.Method);
        Assert.Equal(provenance.Seed, loaded.Provenance.Seed);
        Assert.Equal(provenance.CreatedAt, loaded.Provenance.CreatedAt);
        Assert.Equal(provenance.OptionsJson, loaded.Provenance.OptionsJson);
        Assert.Equal(provenance.SourceIndices, loaded.Provenance.SourceIndices);
        Assert.True(double.IsNaN(loaded.Provenance.Metrics["nan"]));
        Assert.Equal(0.25, loaded.Provenance.Metrics["loss"]);
        Assert.Equal("dm-ipc2", info.Name);
        Assert.Equal((2 * 3 * 16 * 4) + (2 * 8) + (6 * 4), info.Bytes);
        Assert.Equal(1, info.SchemaVersion);
        Assert.Equal([2L, 3L, 4L, 4L], info.Shape);
    }

    [Fact]
    public async Task SetWithoutOptionalPartsLoadsWithoutThem()
    {
        var store = _workspace.Open();
        using var set = TempWorkspace.MakeSet();

        await store.SaveSetAsync("plain", set, overwrite: false, CancellationToken.None);
        using var loaded = await store.LoadSetAsync("plain", CancellationToken.None);

        Assert.Null(loaded.SoftLabels);
        Assert.Null(loaded.LearnedLearningRate);
        TensorAssert.BitEqual(set.Images, loaded.Images);
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

        TensorAssert.BitEqual(set.Images, loaded.Images);
        // 3000 bytes of images in 1024-byte chunks: 3 chunks; 24 bytes of labels: 1.
        Assert.Equal(4, _workspace.CountChunks());
        using var raw = _workspace.OpenRaw();
        Assert.All(raw.GetCollection("tensor_chunks").FindAll(), chunk => Assert.True(chunk["data"].AsBinary.Length <= 1024));
        Assert.All(raw.GetCollection("tensor_chunks").FindAll(), chunk => Assert.Equal(1, chunk["schema"].AsInt32));
        Assert.Equal(1, raw.GetCollection("sets").FindOne(Query.All())["schema"].AsInt32);
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
        Assert.Equal(["alpha", "zeta"], listed.Select(info => info.Name));
        Assert.Equal([9L, 1L, 4L, 4L], listed[0].Shape);
        Assert.Equal(2L, listed[0].Provenance.Seed);
        Assert.True(await store.SetExistsAsync("zeta", CancellationToken.None));

        await store.DeleteSetAsync("zeta", CancellationToken.None);

        Assert.False(await store.SetExistsAsync("zeta", CancellationToken.None));
        Assert.Equal(["alpha"], (await store.ListSetsAsync(CancellationToken.None)).Select(info => info.Name));
        Assert.Equal(2, _workspace.CountChunks());
    }

    [Fact]
    public async Task SavingAnExistingNameNeedsOverwrite()
    {
        var store = _workspace.Open();
        using var first = TempWorkspace.MakeSet(seed: 1);
        using var second = TempWorkspace.MakeSet(count: 3, seed: 2);
        await store.SaveSetAsync("mine", first, overwrite: false, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => store.SaveSetAsync("mine", second, overwrite: false, CancellationToken.None));
        Assert.Contains("a set named 'mine' exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("Overwrite", error.Message, StringComparison.Ordinal);
        Assert.Equal("SetName", error.Setting);
        using (var unchanged = await store.LoadSetAsync("mine", CancellationToken.None))
        {
            TensorAssert.BitEqual(first.Images, unchanged.Images);
        }

        await store.SaveSetAsync("mine", second, overwrite: true, CancellationToken.None);

        using var replaced = await store.LoadSetAsync("mine", CancellationToken.None);
        TensorAssert.BitEqual(second.Images, replaced.Images);
        Assert.Equal(2, _workspace.CountChunks());
    }

    [Fact]
    public async Task UnknownNameListsTheStoredNames()
    {
        var store = _workspace.Open();
        var empty = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadSetAsync("nope", CancellationToken.None));
        Assert.Contains("holds no sets", empty.Message, StringComparison.Ordinal);
        using var set = TempWorkspace.MakeSet();
        await store.SaveSetAsync("b-set", set, overwrite: false, CancellationToken.None);
        await store.SaveSetAsync("a-set", set, overwrite: false, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadSetAsync("nope", CancellationToken.None));
        var deleteError = await Assert.ThrowsAsync<UserErrorException>(() => store.DeleteSetAsync("nope", CancellationToken.None));

        Assert.Contains("no set named 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("stored sets: a-set, b-set", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, deleteError.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public async Task AFileThatIsNotAWorkspaceIsNamed(int lines)
    {
        var path = System.IO.Path.Combine(_workspace.Folder, "notes.txt");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("these are not the pages of a database\n", lines)));
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = path });

        var error = await Assert.ThrowsAsync<UserErrorException>(() => store.ListSetsAsync(CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a Distillery workspace (LiteDB) file", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines * 38, new FileInfo(path).Length);
    }

    [Fact]
    public async Task OpensTheFileOnlyOnFirstUseAndCreatesItsFolder()
    {
        var path = System.IO.Path.Combine(_workspace.Folder, "nested", "later.db");
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = path });
        Assert.False(File.Exists(path));

        Assert.Empty(await store.ListSetsAsync(CancellationToken.None));

        Assert.True(File.Exists(path));
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
            Assert.True(chunks.Update(chunk));
        }

        var error = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadSetAsync("victim", CancellationToken.None));

        Assert.Contains("the set 'victim'", error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        using var stillGood = await store.LoadSetAsync("good", CancellationToken.None);
        TensorAssert.BitEqual(good.Images, stillGood.Images);
        Assert.Equal(2, (await store.ListSetsAsync(CancellationToken.None)).Count);
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
            Assert.True(raw.GetCollection("tensor_chunks").Delete($"{owner}/images/1"));
            var header = sets.FindOne(Query.EQ("name", "headless"));
            header["tensors"] = "not a list";
            Assert.True(sets.Update(header));
        }

        var missing = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadSetAsync("short", CancellationToken.None));
        var broken = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadSetAsync("headless", CancellationToken.None));

        Assert.Contains("the set 'short'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("chunk 1 of the 'images' tensor is missing", missing.Message, StringComparison.Ordinal);
        Assert.Contains("the set 'headless'", broken.Message, StringComparison.Ordinal);
        Assert.Contains("'tensors'", broken.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UserErrorException>(() => store.ListSetsAsync(CancellationToken.None));
        await store.DeleteSetAsync("headless", CancellationToken.None);
        Assert.Equal(["short"], (await store.ListSetsAsync(CancellationToken.None)).Select(info => info.Name));
    }

    [Fact]
    public async Task TwoStoresOnOneFileSeeEachOthersWrites()
    {
        var one = _workspace.Open();
        var two = _workspace.Open();
        using var first = TempWorkspace.MakeSet(seed: 1);
        using var second = TempWorkspace.MakeSet(seed: 2);

        await one.SaveSetAsync("from-one", first, overwrite: false, CancellationToken.None);
        Assert.True(await two.SetExistsAsync("from-one", CancellationToken.None));
        await two.SaveSetAsync("from-two", second, overwrite: false, CancellationToken.None);

        using var loaded = await one.LoadSetAsync("from-two", CancellationToken.None);
        TensorAssert.BitEqual(second.Images, loaded.Images);
        Assert.Equal(["from-one", "from-two"], (await one.ListSetsAsync(CancellationToken.None)).Select(info => info.Name));
        await Assert.ThrowsAsync<UserErrorException>(() => two.SaveSetAsync("from-one", second, overwrite: false, CancellationToken.None));
    }

    public void Dispose() => _workspace.Dispose();
}
