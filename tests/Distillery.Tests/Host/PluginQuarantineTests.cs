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

        Assert.Equal(PluginStatus.Active, good.Status);
        Assert.Equal("a.good", good.Id);
        Assert.Equal("1.2.3", good.Version);
        Assert.Equal(["good-arch", "good-data", "good-method"], good.Components.Select(c => c.Descriptor.Name).Order());
        Assert.All(good.Components, c => Assert.Equal(PluginStatus.Active, c.Status));
    }

    [Theory]
    [InlineData("B.Garbage", PluginStatus.Malfunctioned, "not a .NET assembly")]
    [InlineData("C.MissingDependency", PluginStatus.Malfunctioned, "Missing dependency")]
    [InlineData("C.MissingDependency", PluginStatus.Malfunctioned, "MissingLib")]
    [InlineData("D.ContractThree", PluginStatus.NotSupported, "contract 3.0")]
    [InlineData("E.ThrowingConstructor", PluginStatus.Malfunctioned, "constructor exploded")]
    [InlineData("F.ThrowingRegister", PluginStatus.Malfunctioned, "register exploded")]
    [InlineData("G.NoManifest", PluginStatus.NotSupported, "manifest")]
    [InlineData("H.Disabled", PluginStatus.Disabled, "Plugins:Disabled")]
    [InlineData("I.SharedOptions", PluginStatus.Malfunctioned, "registered twice")]
    public void BrokenPluginIsQuarantinedWithItsReason(string folder, PluginStatus status, string reason)
    {
        var record = Plugin(Load(), folder);

        Assert.Equal(status, record.Status);
        Assert.Contains(reason, record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNameQuarantinesOnlyThatComponentAndNamesTheHolder()
    {
        var duplicate = Plugin(Load(), "Z.Duplicate");

        Assert.Equal(PluginStatus.Active, duplicate.Status);
        var taken = duplicate.Components.Single(c => c.Descriptor.Name == "good-method");
        Assert.Equal(PluginStatus.Malfunctioned, taken.Status);
        Assert.Contains("'a.good'", taken.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Active, duplicate.Components.Single(c => c.Descriptor.Name == "z-other").Status);
    }

    [Fact]
    public void CatalogResolvesActiveComponentsAndRollsBackFailedRegistrations()
    {
        var services = new ServiceCollection();
        var report = Load(services);
        using var provider = services.BuildServiceProvider();
        var catalog = new ComponentCatalog(report, provider);

        Assert.Equal(["good-method", "z-other"], catalog.Names(ComponentKind.Method));
        Assert.Equal("GoodMethod", catalog.Resolve<IDistillationMethod>("good-method").GetType().Name);
        Assert.Equal("GoodMethod", catalog.Resolve<IDistillationMethod>("GOOD-METHOD").GetType().Name);
        Assert.Equal("GoodArchitecture", catalog.Resolve<IArchitecture>("good-arch:small").GetType().Name);

        // F.ThrowingRegister added partial-method before throwing: nothing of it may remain.
        var partial = Assert.Throws<UserErrorException>(() => catalog.Resolve<IDistillationMethod>("partial-method"));
        Assert.Contains("register exploded", partial.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(services, s => s.ServiceKey as string == "partial-method");

        var unknown = Assert.Throws<UserErrorException>(() => catalog.Resolve<IDistillationMethod>("nope"));
        Assert.Contains("Known methods: good-method, z-other", unknown.Message, StringComparison.Ordinal);
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
        var thrown = Assert.Throws<NotSupportedException>(() => factory.Create("good-arch:d3-w64", info, 0, TorchSharp.torch.CPU));
        Assert.Equal("d3-w64", thrown.Message);
    }

    [Fact]
    public void MissingPluginsFolderGivesAnEmptyReport()
    {
        var report = new PluginManager().LoadAll(
            new PluginOptions { Path = Path.Combine(plugins.Path, "absent") }, new ServiceCollection(), EmptyConfiguration);

        Assert.Empty(report.Plugins);
    }
}
