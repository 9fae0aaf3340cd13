using Distillery.Methods;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Tests.Storage;
using TorchSharp;

namespace Distillery.Tests.Continual;

public sealed class MemoryBufferStoreTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_step_goes_in_and_comes_back_bit_for_bit_with_its_provenance()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), overwrite: false, CancellationToken.None))
        {
            Assert.Empty(writer.Info.Steps);
            await SaveAsync(writer, step: 1, seed: 5);
        }

        var info = await store.FindAsync("b", CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal([1], info.Steps);
        Assert.Equal(6, info.Images);
        Assert.Null(info.Writer);
        Assert.False(info.IsComplete);

        var loaded = await store.LoadStepAsync("b", 1, CancellationToken.None);
        try
        {
            Assert.Equal([1, 2], loaded.Select(m => m.Label));
            using var expected = Images(seed: 5, label: 2);
            Assert.True(loaded[1].Images.eq(expected).all().item<bool>());
            Assert.Equal("herding", loaded[1].Provenance.Method);
            Assert.Equal([12L, 13, 14], loaded[1].Provenance.SourceIndices);
            Assert.Equal(1, loaded[1].Step);
        }
        finally
        {
            foreach (var memory in loaded)
            {
                memory.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_buffer_outlives_its_store_and_reopening_it_with_the_same_settings_keeps_its_steps()
    {
        var first = Open();
        await using (var writer = await first.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var second = Open();
        await using var again = await second.OpenWriterAsync("b", Settings(), false, CancellationToken.None);
        Assert.Equal([0], again.Info.Steps);
    }

    [Fact]
    public async Task A_buffer_with_other_settings_is_refused_unless_overwritten()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var other = Settings() with { MemoryPerClass = 5, Method = "dm" };
        var error = await Assert.ThrowsAsync<UserErrorException>(() => store.OpenWriterAsync("b", other, false, CancellationToken.None));
        Assert.Contains("'b'", error.Message);
        Assert.Contains("MemoryPerClass 3 (stored) vs 5", error.Message);
        Assert.Contains("Method herding (stored) vs dm", error.Message);
        Assert.Equal([0], (await store.FindAsync("b", CancellationToken.None))!.Steps);

        await using var replaced = await store.OpenWriterAsync("b", other, overwrite: true, CancellationToken.None);
        Assert.Empty(replaced.Info.Steps);
        Assert.Equal(0, _workspace.CountChunks());
    }

    [Fact]
    public async Task Two_writers_of_one_buffer_are_refused_and_the_second_gets_in_after_the_first_leaves()
    {
        var one = Open();
        var two = Open();
        var writer = await one.OpenWriterAsync("b", Settings(), false, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => two.OpenWriterAsync("b", Settings(), false, CancellationToken.None));
        Assert.Contains("is being written by process", error.Message);
        await Assert.ThrowsAsync<UserErrorException>(() => two.DeleteAsync("b", CancellationToken.None));

        await writer.DisposeAsync();
        await using var next = await two.OpenWriterAsync("b", Settings(), false, CancellationToken.None);
        Assert.Empty(next.Info.Steps);
    }

    [Fact]
    public async Task A_damaged_class_document_is_named_and_other_buffers_and_sets_stay_readable()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("good", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        await using (var writer = await store.OpenWriterAsync("bad", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        using (var set = TempWorkspace.MakeSet())
        {
            await _workspace.Open().SaveSetAsync("a-set", set, false, CancellationToken.None);
        }

        using (var raw = _workspace.OpenRaw())
        {
            var classes = raw.GetCollection("memory_classes");
            var document = classes.FindById("bad|step 0|class 3");
            var chunks = raw.GetCollection("tensor_chunks");
            var chunk = chunks.FindOne(LiteDB.Query.EQ("owner", document["owner"]));
            var data = chunk["data"].AsBinary;
            data[0] ^= 0xFF;
            chunk["data"] = data;
            chunks.Update(chunk);
        }

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Open().LoadStepAsync("bad", 0, CancellationToken.None));
        Assert.Contains("class 3 at step 0 in buffer 'bad'", error.Message);
        Assert.Contains("SHA-256", error.Message);

        var fresh = Open();
        var good = await fresh.LoadStepAsync("good", 0, CancellationToken.None);
        Assert.Equal(2, good.Count);
        foreach (var memory in good)
        {
            memory.Dispose();
        }

        Assert.Equal(["bad", "good"], (await fresh.ListAsync(CancellationToken.None)).Select(b => b.Name));
        using var stored = await _workspace.Open().LoadSetAsync("a-set", CancellationToken.None);
        Assert.Equal(6, stored.Images.shape[0]);
    }

    [Fact]
    public async Task A_damaged_header_is_listed_with_its_damage_and_can_be_overwritten()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        using (var raw = _workspace.OpenRaw())
        {
            var headers = raw.GetCollection("memory_buffers");
            var header = headers.FindById("b");
            header["settings"] = "{not json";
            headers.Update(header);
        }

        var listed = Assert.Single(await Open().ListAsync(CancellationToken.None));
        Assert.NotNull(listed.Damage);
        Assert.Contains("memory buffer 'b'", listed.Damage);
        await Assert.ThrowsAsync<UserErrorException>(() => Open().OpenWriterAsync("b", Settings(), false, CancellationToken.None));

        await using var replaced = await Open().OpenWriterAsync("b", Settings(), overwrite: true, CancellationToken.None);
        Assert.Empty(replaced.Info.Steps);
    }

    [Fact]
    public async Task A_missing_step_or_buffer_is_a_user_error()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var step = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadStepAsync("b", 1, CancellationToken.None));
        Assert.Contains("holds no step 1", step.Message);
        var buffer = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadStepAsync("nope", 0, CancellationToken.None));
        Assert.Contains("stored buffers: b", buffer.Message);
    }

    private MemoryBufferStore Open() => new(_workspace.Open().For(MemoryBufferStore.Owner));

    private static MemoryBufferSettings Settings() => new()
    {
        Dataset = "fashion-mnist",
        Method = "herding",
        MethodOptionsJson = "[\"PretrainEpochs=1\"]",
        Architecture = "convnet",
        MemoryPerClass = 3,
        Seed = 0,
        Steps = [[0, 3], [1, 2]],
    };

    private static async Task SaveAsync(IMemoryBufferWriter writer, int step, long seed = 1)
    {
        var labels = step == 0 ? new[] { 0, 3 } : [1, 2];
        var classes = labels.Select(label => new MemoryClass(step, label, Images(seed, label), Provenance(label))).ToList();
        try
        {
            await writer.SaveStepAsync(step, classes, CancellationToken.None);
        }
        finally
        {
            classes.ForEach(c => c.Dispose());
        }
    }

    private static torch.Tensor Images(long seed, int label)
    {
        using var generator = new torch.Generator((ulong)(seed * 100 + label));
        return torch.randn([3, 1, 4, 4], generator: generator);
    }

    private static SetProvenance Provenance(int label) => new()
    {
        Method = "herding",
        Dataset = "fashion-mnist",
        ImagesPerClass = 3,
        Architecture = "convnet",
        Seed = 11,
        SourceIndices = [label * 6L, (label * 6L) + 1, (label * 6L) + 2],
    };
}
