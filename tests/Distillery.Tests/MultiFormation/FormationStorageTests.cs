using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Tests.Kit;
using Distillery.Tests.Storage;
using LiteDB;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.MultiFormation;

/// <summary>A set's formation in the workspace and in <c>.pt</c> files.</summary>
public sealed class FormationStorageTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AMultiFormationSetRoundTripsWithItsFactorUnderSchemaTwo()
    {
        var store = _workspace.Open();
        using var set = Set(factor: 2, soft: true);

        var info = await store.SaveSetAsync("idc", set, overwrite: false, CancellationToken.None);
        using var loaded = await _workspace.Open().LoadSetAsync("idc", CancellationToken.None);

        loaded.Formation.Should().Be(new Formation(2));
        loaded.Images.Should().BeBitEqualTo(set.Images);
        loaded.SoftLabels!.Should().BeBitEqualTo(set.SoftLabels!);
        info.SchemaVersion.Should().Be(2);
        info.Formation.Factor.Should().Be(2);
        using var raw = _workspace.OpenRaw();
        raw.GetCollection("sets").FindOne(Query.All())["factor"].AsInt32.Should().Be(2);
    }

    [Fact]
    public async Task APlainSetIsWrittenAsBeforeAndAHeaderWithoutTheFieldReadsAsFactorOne()
    {
        var store = _workspace.Open();
        using var set = TempWorkspace.MakeSet();
        var info = await store.SaveSetAsync("plain", set, overwrite: false, CancellationToken.None);

        info.SchemaVersion.Should().Be(1);
        using (var raw = _workspace.OpenRaw())
        {
            raw.GetCollection("sets").FindOne(Query.All()).ContainsKey("factor").Should().BeFalse();
        }

        using var loaded = await store.LoadSetAsync("plain", CancellationToken.None);
        loaded.Formation.Should().Be(Formation.None);
    }

    [Fact]
    public async Task AFactorOutOfRangeInTheFileIsReportedAsDamageNamingTheSet()
    {
        var store = _workspace.Open();
        using var set = Set(factor: 2, soft: false);
        await store.SaveSetAsync("broken", set, overwrite: false, CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            var sets = raw.GetCollection("sets");
            var header = sets.FindOne(Query.All());
            header["factor"] = 9;
            sets.Update(header);
        }

        var error = (await FluentActions.Awaiting(() => _workspace.Open().LoadSetAsync("broken", CancellationToken.None))
            .Should().ThrowAsync<Exception>()).Which;
        error.Message.Should().Contain("broken").And.Contain("factor is 9");
    }

    [Fact]
    public void ExportWritesTheDecodedTrainingImagesAndSaysSoAndImportReadsThemAsPlainImages()
    {
        using var set = Set(factor: 2, soft: true);
        var path = Path.Combine(_workspace.Folder, "idc.pt");

        PyTorchSetFile.Export(set, path);
        using var imported = PyTorchSetFile.Import(path, TempWorkspace.Provenance());

        using var decoded = set.Formation.Decode(set.Images);
        imported.Images.shape.Should().Equal([24L, 1, 4, 4]);
        imported.Images.Should().BeBitEqualTo(decoded);
        imported.Labels.data<long>().ToArray().Should().Equal(set.Labels.data<long>().ToArray().SelectMany(label => Enumerable.Repeat(label, 4)));
        imported.SoftLabels!.shape.Should().Equal([24L, 3]);
        imported.Formation.Should().Be(Formation.None, "the file holds training images, not stored ones");
        imported.Provenance.DecodedFromFactor.Should().Be(2);
        imported.Provenance.Method.Should().Be(set.Provenance.Method);
    }

    [Fact]
    public void TheBudgetCountsStoredPixelsSoftLabelsAndALearnedRateButNotTheDecoding()
    {
        using var set = Set(factor: 2, soft: true);
        var budget = SetBudget.Of(set);

        budget.ImageNumbers.Should().Be(6 * 16);
        budget.SoftLabelNumbers.Should().Be(6 * 3);
        budget.Numbers.Should().Be((6 * 16) + (6 * 3));
        budget.TrainingImages.Should().Be(24);
        budget.ToString().Should().Be("114 numbers: 6 images × 16 + soft labels 6 × 3 (18); decoded ×2 into 24 training images");
    }

    private static SyntheticSet Set(int factor, bool soft)
    {
        using var generator = new Generator(11);
        var images = torch.randn([6, 1, 4, 4], generator: generator);
        var labels = torch.arange(6, dtype: ScalarType.Int64).remainder(3);
        return new SyntheticSet(images, labels, TempWorkspace.Provenance())
        {
            SoftLabels = soft ? torch.softmax(torch.randn([6, 3], generator: generator), 1) : null,
            Formation = new Formation(factor),
        };
    }
}
