using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Distillery.Methods;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Storage;
using Distillery.Tests.Storage;
using static TorchSharp.torch;

namespace Distillery.Tests.Compatibility;

/// <summary>
/// A workspace written by Distillery 0.1 (contract 1.0) opens with this version, and its sets and memory buffers read
/// back bit for bit. The fixture <c>Fixtures/Workspace/workspace-v0.1.db</c> was written once by that version through
/// <c>LiteDbWorkspaceStore</c> (chunks of 128 bytes, so every tensor spans several chunks) and
/// <c>LiteDbMemoryBufferStore</c>: two sets (one with soft labels and a learned learning rate) and two buffers (one
/// complete, one with only its first step), images seeded <c>randn</c> with NaN, −0, ±∞ and the smallest subnormal
/// written into their first elements. <c>workspace-v0.1.json</c> beside it records, from the tensors as they were
/// written, each tensor's element type, shape and SHA-256 of its bytes. The test reads a copy, never the fixture.
/// </summary>
public sealed class WorkspaceFixtureTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Workspace");
    private readonly TempWorkspace _workspace = new();
    private readonly JsonNode _expected;

    public WorkspaceFixtureTests()
    {
        File.Copy(Path.Combine(Folder, "workspace-v0.1.db"), _workspace.Path);
        _expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "workspace-v0.1.json")))!;
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ItsSetsReadBackBitForBitWithSoftLabelsAndLearnedLearningRate()
    {
        var store = _workspace.Open();
        var sets = _expected["sets"]!.AsArray();
        (await store.ListSetsAsync(CancellationToken.None)).Select(set => set.Name)
            .Should().BeEquivalentTo(sets.Select(set => (string)set!["name"]!));

        foreach (var expected in sets)
        {
            using var set = await store.LoadSetAsync((string)expected!["name"]!, CancellationToken.None);
            set.Provenance.Method.Should().Be((string)expected["method"]!);
            ShouldMatch(set.Images, expected["images"]!);
            ShouldMatch(set.Labels, expected["labels"]!);
            if (expected["soft_labels"] is { } soft)
            {
                set.SoftLabels.Should().NotBeNull();
                ShouldMatch(set.SoftLabels!, soft);
            }
            else
            {
                set.SoftLabels.Should().BeNull();
            }

            set.LearnedLearningRate.Should().Be((double?)expected["learned_lr"]);
            set.Formation.Should().Be(Formation.None, "a set written before multi-formation existed decodes as factor 1");
        }
    }

    [Fact]
    public async Task ItsMemoryBuffersReadBackBitForBitWithTheirStepsAndProvenance()
    {
        var store = OpenMemory();
        var buffers = _expected["memory_buffers"]!.AsArray();
        var listed = await store.ListAsync(CancellationToken.None);
        listed.Select(buffer => buffer.Name).Should().Equal(buffers.Select(buffer => (string)buffer!["name"]!).Order(StringComparer.Ordinal));
        listed.Should().OnlyContain(buffer => buffer.Damage == null && buffer.Writer == null);

        foreach (var expected in buffers)
        {
            var name = (string)expected!["name"]!;
            var info = await store.FindAsync(name, CancellationToken.None);
            info.Should().NotBeNull();
            info!.Settings!.Method.Should().Be((string)expected["method"]!);
            info.Steps.Should().Equal(expected["steps"]!.AsArray().Select(step => (int)step!));
            info.IsComplete.Should().Be(info.Steps.Count == 2);

            var classes = expected["classes"]!.AsArray();
            foreach (var step in info.Steps)
            {
                var loaded = await store.LoadStepAsync(name, step, CancellationToken.None);
                try
                {
                    var wanted = classes.Where(c => (int)c!["step"]! == step).ToList();
                    loaded.Select(memory => memory.Label).Should().Equal(wanted.Select(c => (int)c!["label"]!));
                    foreach (var (memory, want) in loaded.Zip(wanted))
                    {
                        ShouldMatch(memory.Images, want!["images"]!);
                        memory.Provenance.SourceIndices.Should().Equal(want["source_indices"]!.AsArray().Select(index => (long)index!));
                    }
                }
                finally
                {
                    foreach (var memory in loaded)
                    {
                        memory.Dispose();
                    }
                }
            }
        }
    }

    [Fact]
    public async Task ABufferOfTheOldVersionTakesItsMissingStepAndKeepsTheStoredOne()
    {
        var store = OpenMemory();
        const string name = "fixture/random/order0";
        var info = (await store.FindAsync(name, CancellationToken.None))!;
        await using (var writer = await store.OpenWriterAsync(name, info.Settings!, overwrite: false, CancellationToken.None))
        {
            writer.Info.Steps.Should().Equal(0);
            var classes = info.Settings!.Steps[1]
                .Select(label => new MemoryClass(1, label, zeros(2, 1, 4, 4), new SetProvenance { Method = "random", Dataset = "fashion-mnist", ImagesPerClass = 2, Seed = 0 }))
                .ToList();
            await writer.SaveStepAsync(1, classes, CancellationToken.None);
            classes.ForEach(memory => memory.Dispose());
        }

        var reopened = await OpenMemory().FindAsync(name, CancellationToken.None);
        reopened!.IsComplete.Should().BeTrue();
        var first = await OpenMemory().LoadStepAsync(name, 0, CancellationToken.None);
        var expected = _expected["memory_buffers"]!.AsArray().Single(b => (string)b!["name"]! == name)!["classes"]!.AsArray();
        foreach (var (memory, want) in first.Zip(expected))
        {
            ShouldMatch(memory.Images, want!["images"]!);
            memory.Dispose();
        }
    }

    private MemoryBufferStore OpenMemory() => new(_workspace.Open().For(MemoryBufferStore.Owner));

    private static void ShouldMatch(Tensor tensor, JsonNode expected)
    {
        var encoded = TensorCodec.Encode(tensor);
        encoded.DType.Should().Be((string)expected["dtype"]!);
        encoded.Shape.Should().Equal(expected["shape"]!.AsArray().Select(size => (long)size!));
        Convert.ToHexStringLower(SHA256.HashData(encoded.Bytes)).Should().Be((string)expected["sha256"]!);
    }
}
