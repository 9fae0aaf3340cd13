using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Host.Plugins;

namespace Distillery.Tests.Host;

/// <summary>How an options class reads in <c>plugins show</c>: types in words, defaults, ranges, nested settings and lists.</summary>
public sealed class OptionsDescriberTests
{
    [Fact]
    public void ScalarsReadWithTypeDefaultAllowedValuesAndDescription()
    {
        var rows = OptionsDescriber.Describe(typeof(SampleOptions), configured: null).ToDictionary(r => r.Key);

        rows["Count"].Should().Be(new OptionDescription("Count", "whole number", "3", "3", "1 to 10", "How many."));
        rows["Rate"].Allowed.Should().Be("more than 0 and less than 1");
        rows["Floor"].Allowed.Should().Be("0 or more");
        rows["Mode"].Should().Match<OptionDescription>(r => r.Type == "choice" && r.Allowed == "one of Fast, Slow" && r.Default == "Slow");
        rows["Code"].Allowed.Should().Be("matches ^[a-z]+$; required");
        rows["Limit"].Should().Match<OptionDescription>(r => r.Type == "whole number (optional)" && r.Default == null);
        rows["Names"].Should().Match<OptionDescription>(r => r.Type == "list of text" && r.Default == "[a, b]");
    }

    [Fact]
    public void NestedSettingsAndListsOfObjectsAreListedKeyByKey()
    {
        var rows = OptionsDescriber.Describe(typeof(SampleOptions), configured: null).ToDictionary(r => r.Key);

        rows["Inner"].Type.Should().Be("settings");
        rows["Inner:Size"].Should().Match<OptionDescription>(r => r.Type == "number" && r.Default == "2.5" && r.Description == "The size.");
        rows["Steps"].Type.Should().Be("list of settings");
        rows["Steps:N:Size"].Type.Should().Be("number");
        rows.Should().NotContainKey("Computed");
    }

    [Fact]
    public void TheConfiguredObjectGivesTheCurrentValue()
    {
        var configured = new SampleOptions { Count = 7, Inner = { Size = 4 } };

        var rows = OptionsDescriber.Describe(typeof(SampleOptions), configured).ToDictionary(r => r.Key);

        rows["Count"].Should().Match<OptionDescription>(r => r.Current == "7" && r.IsChanged);
        rows["Inner:Size"].Should().Match<OptionDescription>(r => r.Current == "4" && r.IsChanged);
        rows["Rate"].IsChanged.Should().BeFalse();
    }

    public enum SampleMode
    {
        Fast,
        Slow,
    }

    public sealed class SampleInner
    {
        [Description("The size.")]
        public double Size { get; set; } = 2.5;
    }

    public sealed class SampleOptions
    {
        [Description("How many.")]
        [Range(1, 10)]
        public int Count { get; set; } = 3;

        [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
        public double Rate { get; set; } = 0.5;

        [Range(0, int.MaxValue)]
        public int Floor { get; set; }

        public SampleMode Mode { get; set; } = SampleMode.Slow;

        [RegularExpression("^[a-z]+$")]
        [Required]
        public string Code { get; set; } = "abc";

        public int? Limit { get; set; }

        public string[] Names { get; set; } = ["a", "b"];

        public SampleInner Inner { get; } = new();

        public List<SampleInner> Steps { get; set; } = [];

        public IReadOnlyList<string> Computed => Names;
    }
}
