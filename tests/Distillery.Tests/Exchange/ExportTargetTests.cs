using Distillery.Exchange;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Exchange;

/// <summary>Where <c>sets export</c> and <c>memory export</c> write: the file given, or NAME.pt inside a folder, with a safe name.</summary>
public sealed class ExportTargetTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_path_is_used_as_given()
        => ExportTarget.Resolve(_temp.Combine("x.pt"), "name").Should().Be(_temp.Combine("x.pt"));

    [Fact]
    public void A_folder_gets_the_name_with_pt_inside_it()
        => ExportTarget.Resolve(_temp.Path, "split/dm/order0").Should().Be(_temp.Combine("split_dm_order0.pt"));

    [Fact]
    public void A_name_too_long_for_a_file_is_cut_and_given_a_hash_that_tells_two_apart()
    {
        var one = SafeFileName.From(new string('a', 300) + "1");
        var two = SafeFileName.From(new string('a', 300) + "2");

        one.Length.Should().BeLessThan(255);
        one.Should().NotBe(two);
        SafeFileName.From("short").Should().Be("short");
    }
}
