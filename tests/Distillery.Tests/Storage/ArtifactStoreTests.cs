using Distillery.Storage;
using Distillery.Tests.Kit;
using LiteDB;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

/// <summary>The artifact store plugins keep their own documents and tensors in, on the workspace's LiteDB file.</summary>
public sealed class ArtifactStoreTests : IDisposable
{
    private static readonly ArtifactCollection Results = new("results", schemaVersion: 1);
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ADocumentAndItsTensorsComeBackBitForBit()
    {
        var store = _workspace.Open(chunkBytes: 40).For("search");
        using var weights = Edgy([3, 5]);
        using var steps = torch.arange(7, dtype: ScalarType.Int64);
        var document = new Result("convnet-d3", 2, 0.8125, 1L << 40, [3, 1, 4]);

        await store.WriteAsync(
            session => session.Collection<Result>(Results).Upsert("a", document, new Dictionary<string, Tensor> { ["weights"] = weights, ["steps"] = steps }),
            CancellationToken.None);

        var reopened = _workspace.Open().For("search");
        var (entry, readWeights, readSteps) = await reopened.ReadAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                var found = results.Find("a")!;
                return (found, results.ReadTensor(found, "weights"), results.ReadTensor(found, "steps"));
            },
            CancellationToken.None);
        using (readWeights)
        using (readSteps)
        {
            entry.IsDamaged.Should().BeFalse();
            entry.SchemaVersion.Should().Be(1);
            entry.Document.Should().BeEquivalentTo(document);
            entry.Tensors.Select(t => (t.Name, t.DType, string.Join('x', t.Shape), t.Bytes))
                .Should().BeEquivalentTo([("steps", "int64", "7", 56L), ("weights", "float32", "3x5", 60L)]);
            readWeights.Should().BeBitEqualTo(weights);
            readSteps.Should().BeBitEqualTo(steps);
        }

        _workspace.CountChunks().Should().Be(2 + 2, "60 and 56 bytes in chunks of 40 bytes");
    }

    [Fact]
    public async Task AWriteThatThrowsHalfWayLeavesTheOldState()
    {
        var store = _workspace.Open(chunkBytes: 16).For("search");
        using var old = Edgy([4]);
        await store.WriteAsync(
            session => session.Collection<Result>(Results).Upsert("a", new Result("old", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["weights"] = old }),
            CancellationToken.None);
        var chunks = _workspace.CountChunks();

        using var replacement = torch.ones(64);
        var failing = () => store.WriteAsync<bool>(
            session =>
            {
                var results = session.Collection<Result>(Results);
                results.Upsert("a", new Result("new", 2, 0.75, 2, [1]), new Dictionary<string, Tensor> { ["weights"] = replacement });
                results.Upsert("b", new Result("other", 3, 0.25, 3, []));
                throw new InvalidOperationException("stopped half-way");
            },
            CancellationToken.None);
        await failing.Should().ThrowAsync<InvalidOperationException>();

        var (documents, weights) = await _workspace.Open().For("search").ReadAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                var list = results.List();
                return (list, results.ReadTensor(list[0], "weights"));
            },
            CancellationToken.None);
        using (weights)
        {
            documents.Select(d => d.Id).Should().Equal("a");
            documents[0].Document.Name.Should().Be("old");
            weights.Should().BeBitEqualTo(old);
        }

        _workspace.CountChunks().Should().Be(chunks);
    }

    [Fact]
    public async Task ADamagedTensorIsNamedAndTheOtherDocumentsStayReadable()
    {
        var store = _workspace.Open().For("search");
        using var tensor = Edgy([8]);
        await store.WriteAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                results.Upsert("good", new Result("g", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["weights"] = tensor });
                return results.Upsert("bad", new Result("b", 2, 0.5, 1, []), new Dictionary<string, Tensor> { ["weights"] = tensor });
            },
            CancellationToken.None);

        using (var raw = _workspace.OpenRaw())
        {
            var owner = raw.GetCollection("search_results").FindById("bad")["owner"];
            var chunks = raw.GetCollection("tensor_chunks");
            var chunk = chunks.FindOne(Query.EQ("owner", owner));
            var data = chunk["data"].AsBinary;
            data[3] ^= 0x01;
            chunk["data"] = data;
            chunks.Update(chunk);
        }

        var reader = _workspace.Open().For("search");
        var damaged = () => reader.ReadAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                return results.ReadTensor(results.Find("bad")!, "weights");
            },
            CancellationToken.None);
        (await damaged.Should().ThrowAsync<UserErrorException>())
            .Which.Message.Should().Contain("'weights' tensor of document 'bad' in collection search_results").And.Contain("SHA-256");

        using var good = await reader.ReadAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                results.List().Select(entry => entry.Id).Should().Equal("bad", "good");
                return results.ReadTensor(results.Find("good")!, "weights");
            },
            CancellationToken.None);
        good.Should().BeBitEqualTo(tensor);
    }

    [Fact]
    public async Task ADocumentOfANewerSchemaIsRefusedWithAMessageThatNamesIt()
    {
        await _workspace.Open().For("search").WriteAsync(
            session => session.Collection<Result>(new ArtifactCollection("results", schemaVersion: 2)).Upsert("future", new Result("f", 1, 0.5, 1, [])),
            CancellationToken.None);

        var entry = await _workspace.Open().For("search").ReadAsync(session => session.Collection<Result>(Results).Find("future"), CancellationToken.None);

        entry.Should().NotBeNull();
        entry!.IsDamaged.Should().BeTrue();
        entry.SchemaVersion.Should().Be(2);
        var read = () => entry.Document;
        read.Should().Throw<UserErrorException>()
            .Which.Message.Should().Contain("'future'").And.Contain("schema 2").And.Contain("up to schema 1");
    }

    [Fact]
    public async Task ADocumentWhoseFieldsDoNotFitItsTypeIsListedWithItsDamage()
    {
        await _workspace.Open().For("search").WriteAsync(
            session => session.Collection<Result>(Results).Upsert("a", new Result("a", 1, 0.5, 1, [])),
            CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            var documents = raw.GetCollection("search_results");
            var document = documents.FindById("a");
            document["rank"] = "first";
            documents.Update(document);
        }

        var listed = await _workspace.Open().For("search").ReadAsync(session => session.Collection<Result>(Results).List(), CancellationToken.None);

        listed.Should().ContainSingle().Which.Damage.Should().Contain("'a'").And.Contain("damaged");
    }

    [Fact]
    public async Task TwoOwnersKeepTheirCollectionsApart()
    {
        var workspace = _workspace.Open();
        var alpha = workspace.For("alpha");
        var beta = workspace.For("beta");
        using var tensor = torch.ones(3);
        await alpha.WriteAsync(session => session.Collection<Result>(Results).Upsert("x", new Result("alpha", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["t"] = tensor }), CancellationToken.None);
        await beta.WriteAsync(session => session.Collection<Result>(Results).Upsert("x", new Result("beta", 2, 0.5, 1, []), new Dictionary<string, Tensor> { ["t"] = tensor }), CancellationToken.None);

        (await beta.WriteAsync(session => session.Collection<Result>(Results).Delete("x"), CancellationToken.None)).Should().BeTrue();

        (await alpha.ReadAsync(session => session.Collection<Result>(Results).Find("x"), CancellationToken.None))!.Document.Name.Should().Be("alpha");
        (await beta.ReadAsync(session => session.Collection<Result>(Results).Find("x"), CancellationToken.None)).Should().BeNull();
        _workspace.CountChunks().Should().Be(1);
        using var raw = _workspace.OpenRaw();
        raw.GetCollectionNames().Should().Contain("alpha_results");
    }

    [Theory]
    [InlineData("tensor")]
    [InlineData("two_words")]
    [InlineData("Upper")]
    [InlineData("")]
    public void AnOwnerNameThatCouldClashIsRefused(string owner)
    {
        var open = () => _workspace.Open().For(owner);
        open.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task QueriesSelectByFieldAndIdPrefixAndDeleteWithTheTensors()
    {
        var store = _workspace.Open().For("search");
        using var tensor = torch.ones(2);
        await store.WriteAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                results.Upsert("run1/a", new Result("a", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["t"] = tensor });
                results.Upsert("run1/b", new Result("b", 2, 0.5, 1, []), new Dictionary<string, Tensor> { ["t"] = tensor });
                return results.Upsert("run2/c", new Result("c", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["t"] = tensor });
            },
            CancellationToken.None);

        var (byRank, byPrefix, both) = await store.ReadAsync(
            session =>
            {
                var results = session.Collection<Result>(Results);
                return (
                    results.List(ArtifactQuery.Where("rank", 1)).Select(e => e.Id).ToList(),
                    results.List(ArtifactQuery.IdStartsWith("run1/")).Select(e => e.Id).ToList(),
                    results.List(ArtifactQuery.IdStartsWith("run1/").And("rank", 1)).Select(e => e.Id).ToList());
            },
            CancellationToken.None);
        byRank.Should().Equal("run1/a", "run2/c");
        byPrefix.Should().Equal("run1/a", "run1/b");
        both.Should().Equal("run1/a");

        (await store.WriteAsync(session => session.Collection<Result>(Results).DeleteMany(ArtifactQuery.IdStartsWith("run1/")), CancellationToken.None))
            .Should().Be(2);
        _workspace.CountChunks().Should().Be(1);
    }

    [Fact]
    public async Task AReadRefusesToWriteAndADocumentMayNotUseTheStoreSFieldNames()
    {
        var store = _workspace.Open().For("search");
        var write = () => store.ReadAsync(session => session.Collection<Result>(Results).Upsert("a", new Result("a", 1, 0.5, 1, [])), CancellationToken.None);
        await write.Should().ThrowAsync<InvalidOperationException>();

        using var tensor = torch.ones(1);
        var clash = () => store.WriteAsync(
            session => session.Collection<Result>(Results).Upsert("a", new Result("a", 1, 0.5, 1, []), new Dictionary<string, Tensor> { ["name"] = tensor }),
            CancellationToken.None);
        await clash.Should().ThrowAsync<ArgumentException>();
    }

    private static Tensor Edgy(long[] shape)
    {
        using var generator = new Generator(42);
        var tensor = torch.randn(shape, generator: generator);
        var flat = tensor.view(-1);
        flat[0] = torch.tensor(float.NaN);
        flat[1] = torch.tensor(-0.0f);
        flat[2] = torch.tensor(float.NegativeInfinity);
        return tensor;
    }

    private sealed record Result(string Name, int Rank, double Score, long Big, IReadOnlyList<int> Values);
}
