using Distillery.Components;
using Distillery.Host.Commands;

namespace Distillery.Tests.Host;

/// <summary>Finding a component by the name a user typed, when two kinds share a name.</summary>
public sealed class ComponentLookupTests
{
    private static readonly ComponentDescriptor Method = Describe(ComponentKind.Method, "shared");
    private static readonly ComponentDescriptor Scenario = Describe(ComponentKind.Scenario, "shared");
    private static readonly ComponentDescriptor Convnet = Describe(ComponentKind.Architecture, "convnet");
    private static readonly ComponentDescriptor[] Components = [Method, Scenario, Convnet];

    [Fact]
    public void AnAmbiguousNameIsRefusedNamingEachAsKindAndName()
    {
        var refusal = FluentActions.Invoking(() => ComponentLookup.Find(Components, "shared", kind: null)).Should().Throw<UserErrorException>().Which;

        refusal.Message.Should().Contain("method/shared").And.Contain("scenario/shared");
    }

    [Theory]
    [InlineData("scenario/shared", null)]
    [InlineData("shared", "scenario")]
    [InlineData("SHARED", "Scenario")]
    public void KindSlashNameOrASeparateKindPicksOne(string name, string? kind) =>
        ComponentLookup.Find(Components, name, kind).Should().BeSameAs(Scenario);

    [Fact]
    public void AnArchitectureVariantIsIgnored() =>
        ComponentLookup.Find(Components, "convnet:d2-w64", kind: null).Should().BeSameAs(Convnet);

    [Theory]
    [InlineData("nosuch", null, "method/shared")]
    [InlineData("shared", "dataset", "No component of kind 'dataset'")]
    [InlineData("method/shared", "scenario", "--kind")]
    public void UnknownNamesAndKindsAreUserErrors(string name, string? kind, string says) =>
        FluentActions.Invoking(() => ComponentLookup.Find(Components, name, kind)).Should().Throw<UserErrorException>()
            .Which.Message.Should().Contain(says);

    private static ComponentDescriptor Describe(ComponentKind kind, string name) =>
        new(kind, name, "help", "test.plugin", "1.0.0", typeof(object), typeof(NoOptions));
}
