using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Distillery.Plugins;
using Distillery.Tests.Host;

namespace Distillery.Tests.Contract;

/// <summary>
/// The plugin SDK speaks one version: the Distillery.Abstractions package, the template package and the contract version
/// a new plugin is created against are all the contract version the host speaks.
/// </summary>
public sealed class SdkVersionTests
{
    private static readonly string Contract = $"{DistilleryContract.Version}.0";

    private static string ProjectVersion(params string[] path) =>
        XDocument.Load(Path.Combine([RepositoryPaths.Root, .. path])).Descendants("Version").Single().Value;

    [Fact]
    public void TheAbstractionsPackageVersionIsTheContractVersion()
    {
        ProjectVersion("src", "Distillery.Abstractions", "Distillery.Abstractions.csproj").Should().Be(Contract);
        var informational = typeof(IDistilleryPlugin).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        informational.Split('+')[0].Should().Be(Contract);
    }

    [Fact]
    public void TheTemplatePackageAndTheContractItBuildsAgainstAreTheContractVersion()
    {
        ProjectVersion("src", "Distillery.Templates", "Distillery.Templates.csproj").Should().Be(Contract);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(
            RepositoryPaths.Root, "src", "Distillery.Templates", "templates", "distillery-plugin", ".template.config", "template.json")))!;
        ((string?)template["symbols"]!["abstractionsVersion"]!["defaultValue"]).Should().Be(Contract);
    }

    [Fact]
    public void TheEngineStillForwardsSeedSequenceForPluginsCompiledAgainstIt()
    {
        var forwarded = typeof(Distillery.Storage.IWorkspaceStore).Assembly.GetForwardedTypes();

        forwarded.Should().Contain(typeof(Distillery.Randomness.SeedSequence));
        typeof(Distillery.Randomness.SeedSequence).Assembly.Should().BeSameAs(typeof(IDistilleryPlugin).Assembly);
    }
}
