using Distillery.Methods;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Tests.Kit;
using Distillery.Tests.Storage;
using TorchSharp;

namespace Distillery.Tests.Continual;

public sealed class MemoryBufferStoreTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AStepGoesInAndComesBackBitForBitWithItsProvenance()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), overwrite: false, CancellationToken.None))
        {
            writer.Info.Steps.Should().BeEmpty();
            await SaveAsync(writer, step: 1, seed: 5);
        }

        var info = await store.FindAsync("b", CancellationToken.None);
        info.Should().NotBeNull();
        info.Steps.Should().Equal([1]);
        info.Images.Should().Be(6);
        info.Writer.Should().BeNull();
        info.IsComplete.Should().BeFalse();

        var loaded = await store.LoadStepAsync("b", 1, CancellationToken.None);
        try
        {
            loaded.Select(m => m.Label).Should().Equal([1, 2]);
            using var expected = Images(seed: 5, label: 2);
            loaded[1].Images.eq(expected).all().item<bool>().Should().BeTrue();
            loaded[1].Provenance.Method.Should().Be("herding");
            loaded[1].Provenance.SourceIndices.Should().Equal([12L, 13, 14]);
            loaded[1].Step.Should().Be(1);
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
    public async Task SoftLabelsGoInAndComeBackWithTheirClassAndCountInItsBytes()
    {
        var store = Open();
        var soft = torch.softmax(torch.randn([3, 10], generator: new torch.Generator(3)), 1);
        using var expected = soft.clone();
        var classes = new List<MemoryClass>
        {
            new(0, 0, Images(1, 0), Provenance(0), soft),
            new(0, 3, Images(1, 3), Provenance(3)),
        };
        await using (var writer = await store.OpenWriterAsync("b", Settings(), overwrite: false, CancellationToken.None))
        {
            await writer.SaveStepAsync(0, classes, CancellationToken.None);
        }

        classes.ForEach(c => c.Dispose());
        var info = await store.FindAsync("b", CancellationToken.None);
        info!.Bytes.Should().Be((6 * 16 * 4) + (3 * 10 * 4));

        var loaded = await store.LoadStepAsync("b", 0, CancellationToken.None);
        try
        {
            loaded[0].SoftLabels.Should().NotBeNull();
            loaded[0].SoftLabels!.Should().BeBitEqualTo(expected);
            loaded[1].SoftLabels.Should().BeNull();
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
    public async Task ABufferOutlivesItsStoreAndReopeningItWithTheSameSettingsKeepsItsSteps()
    {
        var first = Open();
        await using (var writer = await first.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var second = Open();
        await using var again = await second.OpenWriterAsync("b", Settings(), false, CancellationToken.None);
        again.Info.Steps.Should().Equal([0]);
    }

    [Fact]
    public async Task ABufferWithOtherSettingsIsRefusedUnlessOverwritten()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var other = Settings() with { MemoryPerClass = 5, Method = "dm" };
        var error = (await FluentActions.Awaiting(() => store.OpenWriterAsync("b", other, false, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("'b'");
        error.Message.Should().Contain("MemoryPerClass 3 (stored) vs 5");
        error.Message.Should().Contain("Method herding (stored) vs dm");
        (await store.FindAsync("b", CancellationToken.None))!.Steps.Should().Equal([0]);

        await using var replaced = await store.OpenWriterAsync("b", other, overwrite: true, CancellationToken.None);
        replaced.Info.Steps.Should().BeEmpty();
        _workspace.CountChunks().Should().Be(0);
    }

    [Fact]
    public async Task TwoWritersOfOneBufferAreRefusedAndTheSecondGetsInAfterTheFirstLeaves()
    {
        var one = Open();
        var two = Open();
        var writer = await one.OpenWriterAsync("b", Settings(), false, CancellationToken.None);

        var error = (await FluentActions.Awaiting(() => two.OpenWriterAsync("b", Settings(), false, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("is being written by process");
        await FluentActions.Awaiting(() => two.DeleteAsync("b", CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>();

        await writer.DisposeAsync();
        await using var next = await two.OpenWriterAsync("b", Settings(), false, CancellationToken.None);
        next.Info.Steps.Should().BeEmpty();
    }

    [Fact]
    public async Task ADamagedClassDocumentIsNamedAndOtherBuffersAndSetsStayReadable()
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

        var error = (await FluentActions.Awaiting(() => Open().LoadStepAsync("bad", 0, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("class 3 at step 0 in buffer 'bad'");
        error.Message.Should().Contain("SHA-256");

        var fresh = Open();
        var good = await fresh.LoadStepAsync("good", 0, CancellationToken.None);
        good.Count.Should().Be(2);
        foreach (var memory in good)
        {
            memory.Dispose();
        }

        (await fresh.ListAsync(CancellationToken.None)).Select(b => b.Name).Should().Equal(["bad", "good"]);
        using var stored = await _workspace.Open().LoadSetAsync("a-set", CancellationToken.None);
        stored.Images.shape[0].Should().Be(6);
    }

    [Fact]
    public async Task ADamagedHeaderIsListedWithItsDamageAndCanBeOverwritten()
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

        var listed = (await Open().ListAsync(CancellationToken.None)).Should().ContainSingle().Which;
        listed.Damage.Should().NotBeNull();
        listed.Damage.Should().Contain("memory buffer 'b'");
        await FluentActions.Awaiting(() => Open().OpenWriterAsync("b", Settings(), false, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>();

        await using var replaced = await Open().OpenWriterAsync("b", Settings(), overwrite: true, CancellationToken.None);
        replaced.Info.Steps.Should().BeEmpty();
    }

    [Fact]
    public async Task AMissingStepOrBufferIsAUserError()
    {
        var store = Open();
        await using (var writer = await store.OpenWriterAsync("b", Settings(), false, CancellationToken.None))
        {
            await SaveAsync(writer, 0);
        }

        var step = (await FluentActions.Awaiting(() => store.LoadStepAsync("b", 1, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        step.Message.Should().Contain("holds no step 1");
        var buffer = (await FluentActions.Awaiting(() => store.LoadStepAsync("nope", 0, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        buffer.Message.Should().Contain("stored buffers: b");
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
