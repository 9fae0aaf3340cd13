using Distillery.Host.Plugins;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Host;

/// <summary>Top-level settings sections of a plugin's own (contract 2.2).</summary>
public sealed class PluginSettingsTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void APluginSectionIsBoundFromTheConfigurationAndRecorded()
    {
        var (report, services) = Load(Source("Lab"), new Dictionary<string, string?> { ["Lab:Level"] = "7" });

        var record = report.Plugins.Single();
        record.Status.Should().Be(PluginStatus.Active, record.Reason);
        record.Settings.Should().ContainSingle().Which.Section.Should().Be("Lab");
        var optionsType = typeof(IOptions<>).MakeGenericType(record.Settings[0].OptionsType);
        var options = optionsType.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.BuildServiceProvider().GetRequiredService(optionsType))!;
        options.GetType().GetProperty("Level")!.GetValue(options).Should().Be(7);
    }

    [Theory]
    [InlineData("Workspace")]
    [InlineData("Methods")]
    [InlineData("Logging")]
    public void ASectionTheHostHoldsIsRefusedNamingTheHost(string section)
    {
        var (report, _) = Load(Source(section), []);

        var record = report.Plugins.Single();
        record.Status.Should().Be(PluginStatus.Malfunctioned);
        record.Reason.Should().Contain($"'{section}' is already taken by the host");
    }

    private (PluginLoadReport Report, IServiceCollection Services) Load(string source, Dictionary<string, string?> settings)
    {
        var folder = _temp.Folder("plugins", "T.Settings");
        PluginCompiler.Compile(folder, "T.Settings", source);
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var report = new PluginManager().LoadAll(new PluginOptions { Path = _temp.Combine("plugins") }, services, configuration);
        return (report, services);
    }

    private static string Source(string section) => TestPlugins.Usings + $$"""
        [assembly: DistilleryPlugin("t.settings", "1.0", "Binds a section of its own.")]
        namespace Settings;
        public sealed class LabOptions { public int Level { get; set; } = 1; }
        public sealed class SettingsPlugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) => components.AddSettings<LabOptions>("{{section}}");
        }
        """;
}
