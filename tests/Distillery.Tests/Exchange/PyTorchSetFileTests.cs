using System.Collections;
using System.Text.Json;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Kit;
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
        set.Images.shape.Should().Equal([6L, 1L, 3L, 3L]);
        Convert.ToHexStringLower(TensorCodec.Encode(set.Images).Bytes).Should().Be(expected["images"]);
        Convert.ToHexStringLower(TensorCodec.Encode(set.SoftLabels!).Bytes).Should().Be(expected["soft_labels"]);
        set.Labels.data<long>().ToArray().Should().Equal(new long[] { 0, 1, 2, 0, 1, 2 });
        set.LearnedLearningRate.Should().Be((double)0.01f);
        set.Provenance.Method.Should().Be("mtt");
        set.Provenance.Seed.Should().Be(42);
        set.Provenance.OptionsJson.Should().Be("""{"syn_steps": 20}""");
        set.Provenance.Metrics["loss"].Should().Be(0.5);
    }

    [Fact]
    public void ImportsTheResearchMinimumConvertingTypesAndViews()
    {
        using var set = PyTorchSetFile.Import(Fixture("python-minimal.pt"), Fallback);

        set.Images.dtype.Should().Be(ScalarType.Float32);
        set.Images.shape.Should().Equal([4L, 1L, 2L, 2L]);
        set.Images.data<float>().ToArray().Should().Equal(Enumerable.Range(8, 16).Select(v => (float)v));
        set.Labels.dtype.Should().Be(ScalarType.Int64);
        set.Labels.data<long>().ToArray().Should().Equal(new long[] { 3, 1, 4, 1 });
        set.SoftLabels.Should().BeNull();
        set.LearnedLearningRate.Should().Be(0.05);
        set.Provenance.Should().BeSameAs(Fallback);
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

        back.Images.Should().BeBitEqualTo(set.Images);
        back.Labels.Should().BeBitEqualTo(set.Labels);
        back.SoftLabels!.Should().BeBitEqualTo(set.SoftLabels);
        back.LearnedLearningRate.Should().Be(0.1 + 0.2);
        back.Provenance.Method.Should().Be(provenance.Method);
        back.Provenance.CreatedAt.Should().Be(provenance.CreatedAt);
        back.Provenance.SourceIndices.Should().Equal(provenance.SourceIndices);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Should().Equal(["set.pt"]);
    }

    [Fact]
    public void ExportReplacesAnExistingFile()
    {
        var path = Path.Combine(_folder, "set.pt");
        File.WriteAllText(path, "old");
        using var set = TempWorkspace.MakeSet();

        PyTorchSetFile.Export(set, path);

        using var back = PyTorchSetFile.Import(path, Fallback);
        back.Images.Should().BeBitEqualTo(set.Images);
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

        set.Labels.data<long>().ToArray().Should().Equal(new long[] { 1, 0 });
    }

    [Fact]
    public void AFileWithoutImagesSaysWhatItHolds()
    {
        var path = Write(new Hashtable { ["labels"] = torch.zeros(2, ScalarType.Int64), ["x"] = torch.ones(1) });

        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(path, Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("has no 'images' tensor; it holds 'labels', 'x'");
    }

    [Fact]
    public void AFileWithoutLabelsSaysSo()
    {
        var path = Write(new Hashtable { ["images"] = torch.zeros(2, 1, 2, 2) });

        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(path, Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("has no 'labels' (nor 'soft_labels')");
    }

    [Theory]
    [InlineData("labels", "an integer [2] tensor")]
    [InlineData("images", "a floating [N, C, H, W] tensor")]
    public void MisshapenEntriesAreNamed(string wrong, string expected)
    {
        var entries = new Hashtable { ["images"] = torch.zeros(2, 1, 2, 2), ["labels"] = torch.zeros(2, ScalarType.Int64) };
        entries[wrong] = torch.zeros(3, 3);
        var path = Write(entries);

        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(path, Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain($"has '{wrong}' as a float32 tensor of shape [3, 3]; it must be {expected}");
    }

    [Fact]
    public void AFileHoldingOneTensorIsNotASetFile()
    {
        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(Fixture("python-tensor.pt"), Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("python-tensor.pt");
        error.Message.Should().Contain("dict");
    }

    [Fact]
    public void ATensorSavedAsAViewIsRefusedWithAdvice()
    {
        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(Fixture("python-view.pt"), Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("python-view.pt");
        error.Message.Should().Contain(".clone()");
        error.Message.Should().NotContain("frame #");
    }

    [Fact]
    public void AFileThatIsNotAPtFileIsNamed()
    {
        var path = Path.Combine(_folder, "notes.pt");
        File.WriteAllText(path, "not a zip archive");

        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(path, Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain($"'{path}' is neither a zip archive (what torch.save writes) nor a pickle: it is not a PyTorch .pt file");
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = Path.Combine(_folder, "absent.pt");

        var error = FluentActions.Invoking(() => PyTorchSetFile.Import(path, Fallback)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain(path);
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
