using Distillery.Components;
using Distillery.Host.Plugins;
using Distillery.Methods;
using Distillery.Networks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Host;

[Collection(TestPluginCollection.Name)]
public sealed class PluginQuarantineTests(TestPluginFolder plugins)
{
    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();

    private PluginLoadReport Load(IServiceCollection? services = null) =>
        new PluginManager().LoadAll(
            new PluginOptions { Path = plugins.Path, Disabled = ["h.disabled"] },
            services ?? new ServiceCollection(),
            EmptyConfiguration);

    private static PluginRecord Plugin(PluginLoadReport report, string folder) =>
        report.Plugins.Single(p => Path.GetFileName(p.Folder) == folder);

    [Fact]
    public void GoodPluginIsActiveWithItsComponents()
    {
        var good = Plugin(Load(), "A.Good");

        good.Status.Should().Be(PluginStatus.Active);
        good.Id.Should().Be("a.good");
        good.Version.Should().Be("1.2.3");
        good.Components.Select(c => c.Descriptor.Name).Order().Should().Equal(["good-arch", "good-data", "good-method"]);
        good.Components.Should().AllSatisfy(c => c.Status.Should().Be(PluginStatus.Active));
    }

    [Theory]
    [InlineData("B.Garbage", PluginStatus.Malfunctioned, "not a .NET assembly")]
    [InlineData("C.MissingDependency", PluginStatus.Malfunctioned, "Missing dependency")]
    [InlineData("C.MissingDependency", PluginStatus.Malfunctioned, "MissingLib")]
    [InlineData("D.ContractThree", PluginStatus.NotSupported, "plugin contract 3.")]
    [InlineData("E.ThrowingConstructor", PluginStatus.Malfunctioned, "constructor exploded")]
    [InlineData("F.ThrowingRegister", PluginStatus.Malfunctioned, "register exploded")]
    [InlineData("G.NoManifest", PluginStatus.NotSupported, "manifest")]
    [InlineData("H.Disabled", PluginStatus.Disabled, "Plugins:Disabled")]
    [InlineData("I.SharedOptions", PluginStatus.Malfunctioned, "registered twice")]
    public void BrokenPluginIsQuarantinedWithItsReason(string folder, PluginStatus status, string reason)
    {
        var record = Plugin(Load(), folder);

        record.Status.Should().Be(status);
        record.Reason.Should().Contain(reason);
    }

    [Fact]
    public void DuplicateNameQuarantinesOnlyThatComponentAndNamesTheHolder()
    {
        var duplicate = Plugin(Load(), "Z.Duplicate");

        duplicate.Status.Should().Be(PluginStatus.Active);
        var taken = duplicate.Components.Single(c => c.Descriptor.Name == "good-method");
        taken.Status.Should().Be(PluginStatus.Malfunctioned);
        taken.Reason.Should().Contain("'a.good'");
        duplicate.Components.Single(c => c.Descriptor.Name == "z-other").Status.Should().Be(PluginStatus.Active);
    }

    [Fact]
    public void CatalogResolvesActiveComponentsAndRollsBackFailedRegistrations()
    {
        var services = new ServiceCollection();
        var report = Load(services);
        using var provider = services.BuildServiceProvider();
        var catalog = new ComponentCatalog(report, provider);

        catalog.Names(ComponentKind.Method).Should().Equal(["good-method", "z-other"]);
        catalog.Resolve<IDistillationMethod>("good-method").GetType().Name.Should().Be("GoodMethod");
        catalog.Resolve<IDistillationMethod>("GOOD-METHOD").GetType().Name.Should().Be("GoodMethod");
        catalog.Resolve<IArchitecture>("good-arch:small").GetType().Name.Should().Be("GoodArchitecture");

        // F.ThrowingRegister added partial-method before throwing: nothing of it may remain.
        var partial = FluentActions.Invoking(() => catalog.Resolve<IDistillationMethod>("partial-method")).Should().ThrowExactly<UserErrorException>().Which;
        partial.Message.Should().Contain("register exploded");
        services.Should().NotContain(s => s.ServiceKey as string == "partial-method");

        var unknown = FluentActions.Invoking(() => catalog.Resolve<IDistillationMethod>("nope")).Should().ThrowExactly<UserErrorException>().Which;
        unknown.Message.Should().Contain("Known methods: good-method, z-other");
    }

    [Fact]
    public void NetworkFactorySplitsTheVariantOff()
    {
        var services = new ServiceCollection();
        var report = Load(services);
        using var provider = services.BuildServiceProvider();
        var factory = new CatalogNetworkFactory(new ComponentCatalog(report, provider));
        var info = new Distillery.Data.DatasetInfo("x", 1, 28, 28, ["a", "b"], [0.5f], [0.5f]);

        // The test architecture throws with the variant it was given.
        var thrown = FluentActions.Invoking(() => factory.Create("good-arch:d3-w64", info, 0, TorchSharp.torch.CPU)).Should().ThrowExactly<NotSupportedException>().Which;
        thrown.Message.Should().Be("d3-w64");
    }

    [Fact]
    public void MissingPluginsFolderGivesAnEmptyReport()
    {
        var report = new PluginManager().LoadAll(
            new PluginOptions { Path = Path.Combine(plugins.Path, "absent") }, new ServiceCollection(), EmptyConfiguration);

        report.Plugins.Should().BeEmpty();
    }
}
