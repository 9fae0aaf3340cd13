using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Contract;

/// <summary>A kind is declared by its interface: a plugin brings one, another plugin adds to it, the host changes nothing.</summary>
public sealed class OpenKindsTests : IDisposable
{
    private const string KindSource = TestPlugins.Usings + """
        [assembly: DistilleryPlugin("tests.scorers", "1.0", "Declares the scorer kind and brings one scorer.")]
        namespace Scorers;
        [ComponentKind("scorer", "Scorers")]
        public interface IScorer { double Score(); }
        public sealed class ConstantOptions { public double Value { get; set; } = 0.5; }
        public sealed class ConstantScorer(Microsoft.Extensions.Options.IOptions<ConstantOptions> options) : IScorer
        {
            public double Score() => options.Value.Value;
        }
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) =>
                components.AddComponent<IScorer, ConstantScorer, ConstantOptions>("constant", "Scores every candidate the same.");
        }
        """;

    private const string ProviderSource = TestPlugins.Usings + """
        [assembly: DistilleryPlugin("tests.more-scorers", "1.0", "Adds a scorer to a kind another plugin declared.")]
        namespace MoreScorers;
        public sealed class ZeroScorer : Scorers.IScorer { public double Score() => 0; }
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) =>
                components.AddComponent<Scorers.IScorer, ZeroScorer, NoOptions>("zero", "Scores nothing.");
        }
        """;

    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AKindDeclaredByOnePluginAndProvidedByAnotherIsListedWithNoHostChange()
    {
        var plugins = _temp.Combine("plugins");
        var kind = PluginCompiler.Compile(Path.Combine(plugins, "Tests.Scorers"), "Tests.Scorers", KindSource);
        var provider = Path.Combine(plugins, "Tests.MoreScorers");
        PluginCompiler.Compile(provider, "Tests.MoreScorers", ProviderSource, kind);
        File.Copy(kind, Path.Combine(provider, "Tests.Scorers.dll"));

        var run = await HostRun.StartAsync(["plugins", "--output", "json", "--plugins", plugins]);

        run.ExitCode.Should().Be(0, run.Error);
        var rows = JsonNode.Parse(run.Out)!.AsArray().Select(row => row!.AsObject()).ToList();
        rows.Where(row => (string?)row["kind"] == "scorer")
            .Select(row => ((string?)row["name"], (string?)row["plugin"], (string?)row["status"]))
            .Should().BeEquivalentTo(
            [
                ("constant", "tests.scorers", "Active"),
                ("zero", "tests.more-scorers", "Active"),
            ]);
    }

    [Fact]
    public void TheBuiltInKindsAreDeclaredByTheirInterfaces()
    {
        new[] { ComponentKind.Method, ComponentKind.Architecture, ComponentKind.Scenario, ComponentKind.Dataset }
            .Select(kind => (kind.Name, kind.Section))
            .Should().Equal(("method", "Methods"), ("architecture", "Architectures"), ("scenario", "Scenarios"), ("dataset", "Datasets"));
    }

    [Fact]
    public void AnInterfaceWithoutAKindDeclarationIsNotAKind()
    {
        var act = () => ComponentKind.Of(typeof(IDisposable));

        act.Should().Throw<ArgumentException>().WithMessage("*ComponentKind*");
    }
}
