using Distillery.Exchange;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Exchange;

/// <summary>Where <c>sets export</c> and <c>memory export</c> write: the file given, or NAME.pt inside a folder, with a safe name.</summary>
public sealed class ExportTargetTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AFilePathIsUsedAsGiven()
        => ExportTarget.Resolve(_temp.Combine("x.pt"), "name").Should().Be(_temp.Combine("x.pt"));

    [Fact]
    public void AFolderGetsTheNameWithPtInsideIt()
        => ExportTarget.Resolve(_temp.Path, "split/dm/order0").Should().Be(_temp.Combine("split_dm_order0.pt"));

    [Fact]
    public void ANameTooLongForAFileIsCutAndGivenAHashThatTellsTwoApart()
    {
        var one = SafeFileName.From(new string('a', 300) + "1");
        var two = SafeFileName.From(new string('a', 300) + "2");

        one.Length.Should().BeLessThan(255);
        one.Should().NotBe(two);
        SafeFileName.From("short").Should().Be("short");
    }
}
