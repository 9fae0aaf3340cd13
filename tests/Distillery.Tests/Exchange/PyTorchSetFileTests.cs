using System.Collections;
using System.Text.Json;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Storage;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Distillery.Tests.Exchange;

public sealed class PyTorchSetFileTests : IDisposable
{
    private static readonly SetProvenance Fallback = new() { Method = "imported", Dataset = "unknown", ImagesPerClass = 0, Seed = 0 };

    private readonly string _folder = Directory.CreateTempSubdirectory("distillery-exchange-").FullName;

    [Fact]
    public void ImportsASetWrittenByPyTorch()
    {
        using var set = PyTorchSetFile.Import(Fixture("python-set.pt"), Fallback);

        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Fixture("python-set.expected.json")))!;
        Assert.Equal([6L, 1L, 3L, 3L], set.Images.shape);
        Assert.Equal(expected["images"], Convert.ToHexStringLower(TensorCodec.Encode(set.Images).Bytes));
        Assert.Equal(expected["soft_labels"], Convert.ToHexStringLower(TensorCodec.Encode(set.SoftLabels!).Bytes));
        Assert.Equal(new long[] { 0, 1, 2, 0, 1, 2 }, set.Labels.data<long>().ToArray());
        Assert.Equal((double)0.01f, set.LearnedLearningRate);
        Assert.Equal("mtt", set.Provenance.Method);
        Assert.Equal(42, set.Provenance.Seed);
        Assert.Equal("""{"syn_steps": 20}""", set.Provenance.OptionsJson);
        Assert.Equal(0.5, set.Provenance.Metrics["loss"]);
    }

    [Fact]
    public void ImportsTheResearchMinimumConvertingTypesAndViews()
    {
        using var set = PyTorchSetFile.Import(Fixture("python-minimal.pt"), Fallback);

        Assert.Equal(ScalarType.Float32, set.Images.dtype);
        Assert.Equal([4L, 1L, 2L, 2L], set.Images.shape);
        Assert.Equal(Enumerable.Range(8, 16).Select(v => (float)v), set.Images.data<float>().ToArray());
        Assert.Equal(ScalarType.Int64, set.Labels.dtype);
        Assert.Equal(new long[] { 3, 1, 4, 1 }, set.Labels.data<long>().ToArray());
        Assert.Null(set.SoftLabels);
        Assert.Equal(0.05, set.LearnedLearningRate);
        Assert.Same(Fallback, set.Provenance);
    }

    [Fact]
    public void ExportThenImportIsBitExact()
    {
        float[] special = [float.NaN, -0f, float.NegativeInfinity, float.Epsilon];
        using var generator = new Generator(9);
        var images = torch.randn([3, 3, 2, 2], generator: generator);
        images.view(-1)[TensorIndex.Slice(0, special.Length)] = torch.tensor(special);
        var provenance = TempWorkspace.Provenance();
        using var set = new SyntheticSet(images, torch.tensor(new[] { 2L, 0L, 1L }), provenance)
        {
            SoftLabels = torch.tensor(new[] { 0.1f, 0.2f, 0.7f, 1f, 0f, -0f, 0.5f, 0.5f, 0f }).reshape(3, 3),
            LearnedLearningRate = 0.1 + 0.2,
        };
        var path = Path.Combine(_folder, "out", "set.pt");

        PyTorchSetFile.Export(set, path);
        using var back = PyTorchSetFile.Import(path, Fallback);

        TensorAssert.BitEqual(set.Images, back.Images);
        TensorAssert.BitEqual(set.Labels, back.Labels);
        TensorAssert.BitEqual(set.SoftLabels, back.SoftLabels!);
        Assert.Equal(0.1 + 0.2, back.LearnedLearningRate);
        Assert.Equal(provenance.Method, back.Provenance.Method);
        Assert.Equal(provenance.CreatedAt, back.Provenance.CreatedAt);
        Assert.Equal(provenance.SourceIndices, back.Provenance.SourceIndices);
        Assert.Equal(["set.pt"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void ExportReplacesAnExistingFile()
    {
        var path = Path.Combine(_folder, "set.pt");
        File.WriteAllText(path, "old");
        using var set = TempWorkspace.MakeSet();

        PyTorchSetFile.Export(set, path);

        using var back = PyTorchSetFile.Import(path, Fallback);
        TensorAssert.BitEqual(set.Images, back.Images);
    }

    [Fact]
    public void WithoutLabelsTheHardLabelsAreTheArgmaxOfSoftLabels()
    {
        var path = Write(new Hashtable
        {
            ["images"] = torch.zeros(2, 1, 2, 2),
            ["soft_labels"] = torch.tensor(new[] { 0.1f, 0.9f, 0.8f, 0.2f }).reshape(2, 2),
        });

        using var set = PyTorchSetFile.Import(path, Fallback);

        Assert.Equal(new long[] { 1, 0 }, set.Labels.data<long>().ToArray());
    }

    [Fact]
    public void AFileWithoutImagesSaysWhatItHolds()
    {
        var path = Write(new Hashtable { ["labels"] = torch.zeros(2, ScalarType.Int64), ["x"] = torch.ones(1) });

        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(path, Fallback));

        Assert.Contains("has no 'images' tensor; it holds 'labels', 'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutLabelsSaysSo()
    {
        var path = Write(new Hashtable { ["images"] = torch.zeros(2, 1, 2, 2) });

        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(path, Fallback));

        Assert.Contains("has no 'labels' (nor 'soft_labels')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels", "an integer [2] tensor")]
    [InlineData("images", "a floating [N, C, H, W] tensor")]
    public void MisshapenEntriesAreNamed(string wrong, string expected)
    {
        var entries = new Hashtable { ["images"] = torch.zeros(2, 1, 2, 2), ["labels"] = torch.zeros(2, ScalarType.Int64) };
        entries[wrong] = torch.zeros(3, 3);
        var path = Write(entries);

        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(path, Fallback));

        Assert.Contains($"has '{wrong}' as a float32 tensor of shape [3, 3]; it must be {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileHoldingOneTensorIsNotASetFile()
    {
        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(Fixture("python-tensor.pt"), Fallback));

        Assert.Contains("python-tensor.pt", error.Message, StringComparison.Ordinal);
        Assert.Contains("dict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATensorSavedAsAViewIsRefusedWithAdvice()
    {
        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(Fixture("python-view.pt"), Fallback));

        Assert.Contains("python-view.pt", error.Message, StringComparison.Ordinal);
        Assert.Contains(".clone()", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotAPtFileIsNamed()
    {
        var path = Path.Combine(_folder, "notes.pt");
        File.WriteAllText(path, "not a zip archive");

        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(path, Fallback));

        Assert.Contains($"'{path}' is not a PyTorch .pt file holding a dict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = Path.Combine(_folder, "absent.pt");

        var error = Assert.Throws<UserErrorException>(() => PyTorchSetFile.Import(path, Fallback));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Exchange", name);

    private string Write(Hashtable entries)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pt");
        using (var stream = File.Create(path))
        {
            PyTorchPickler.PickleStateDict(stream, entries);
        }

        foreach (var tensor in entries.Values.OfType<Tensor>())
        {
            tensor.Dispose();
        }

        return path;
    }
}
