using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Kit;
using LiteDB;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

/// <summary>A workspace file in a fresh temporary folder, deleted afterwards, with helpers for making and inspecting sets.</summary>
internal sealed class TempWorkspace : IDisposable
{
    private readonly List<LiteDbWorkspaceStore> _stores = [];
    private readonly TemporaryFolder _folder = new();

    public TempWorkspace()
    {
        Path = _folder.Combine("workspace.db");
    }

    public string Folder => _folder.Path;

    public string Path { get; }

    public LiteDbWorkspaceStore Open(int chunkBytes = 4 * 1024 * 1024)
    {
        var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = Path, ChunkBytes = chunkBytes });
        _stores.Add(store);
        return store;
    }

    /// <summary>Opens the file directly (shared mode, as the store does) to inspect or damage documents.</summary>
    public LiteDatabase OpenRaw() => new(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared });

    public int CountChunks()
    {
        using var raw = OpenRaw();
        return raw.GetCollection("tensor_chunks").Count();
    }

    public static SetProvenance Provenance(string method = "dm", long seed = 7) => new()
    {
        Method = method,
        Dataset = "fashion-mnist",
        ImagesPerClass = 2,
        Architecture = "convnet",
        OptionsJson = """{"iterations":20}""",
        Seed = seed,
        CreatedAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)),
        DurationSeconds = 1.5,
        Metrics = new Dictionary<string, double> { ["loss"] = 0.25, ["nan"] = double.NaN },
        SourceIndices = [3, 1, 4],
    };

    /// <summary>A small set of <paramref name="count"/> 1×4×4 images (seeded), labels cycling over 3 classes.</summary>
    public static SyntheticSet MakeSet(int count = 6, long seed = 1, SetProvenance? provenance = null)
    {
        using var generator = new Generator((ulong)seed);
        var images = torch.randn([count, 1, 4, 4], generator: generator);
        var labels = torch.arange(count, dtype: ScalarType.Int64).remainder(3);
        return new SyntheticSet(images, labels, provenance ?? Provenance(seed: seed));
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _folder.Dispose();
    }
}
