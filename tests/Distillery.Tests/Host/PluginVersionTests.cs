using Distillery.Host.Plugins;
using Distillery.Plugins;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Distillery.Tests.Host;

/// <summary>
/// A plugin that could fail partway through a run with a missing method — built for a newer contract minor version, or
/// against another TorchSharp — is refused at start-up, with both versions named; older minor versions load.
/// </summary>
public sealed class PluginVersionTests : IDisposable
{
    private static readonly Version HostTorchSharp = typeof(torch).Assembly.GetName().Version!;
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A plugin whose <paramref name="torchUse"/> (never run) makes it reference TorchSharp.</summary>
    private static string Plugin(string id, string manifestTail, string torchUse = "0") => TestPlugins.Usings + $$"""
        [assembly: DistilleryPlugin("{{id}}", "1.0", "A version test plugin."{{manifestTail}})]
        namespace VersionTest;
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) { }
        }
        public static class Uses { public static object Torch() => {{torchUse}}; }
        """;

    private PluginRecord LoadOne(string name, string source, params string[] references)
    {
        var plugins = _temp.Combine("plugins");
        PluginCompiler.Compile(Path.Combine(plugins, name), name, source, references);
        var report = new PluginManager().LoadAll(new PluginOptions { Path = plugins }, new ServiceCollection(), new ConfigurationBuilder().Build());
        return report.Plugins.Single(p => Path.GetFileName(p.Folder) == name);
    }

    /// <summary>An assembly named TorchSharp at another version, for a plugin to be compiled against.</summary>
    private string OtherTorchSharp(Version version) => PluginCompiler.Compile(_temp.Combine("other-torchsharp"), "TorchSharp", $$"""
        [assembly: System.Reflection.AssemblyVersion("{{version}}")]
        namespace TorchSharp { public static class Marker { public static int Value => 1; } }
        """);

    [Fact]
    public void APluginBuiltForANewerMinorIsNotSupportedNamingBothVersions()
    {
        var newer = DistilleryContract.MinorVersion + 1;

        var record = LoadOne("Newer.Minor", Plugin("newer.minor", $", {DistilleryContract.MajorVersion}, {newer}"));

        record.Status.Should().Be(PluginStatus.NotSupported);
        record.Reason.Should().Contain($"contract {DistilleryContract.MajorVersion}.{newer}")
            .And.Contain($"contract {DistilleryContract.Version}");
    }

    [Fact]
    public void APluginBuiltForAnOlderMinorLoads()
    {
        var record = LoadOne("Older.Minor", Plugin("older.minor", $", {DistilleryContract.MajorVersion}, 0"));

        record.Status.Should().Be(PluginStatus.Active, record.Reason);
    }

    [Fact]
    public void APluginCompiledAgainstTheHostsTorchSharpLoads()
    {
        var record = LoadOne("Same.Torch", Plugin("same.torch", string.Empty, "TorchSharp.torch.CPU"));

        record.Manifest!.TorchSharpVersion.Should().Be(HostTorchSharp);
        record.Status.Should().Be(PluginStatus.Active, record.Reason);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void APluginCompiledAgainstAnotherTorchSharpIsNotSupportedNamingBothVersions(int majorStep, int minorStep)
    {
        var other = new Version(HostTorchSharp.Major + majorStep, HostTorchSharp.Minor + minorStep, 0, 0);

        var record = LoadOne("Other.Torch", Plugin("other.torch", string.Empty, "TorchSharp.Marker.Value"), OtherTorchSharp(other));

        record.Manifest!.TorchSharpVersion.Should().Be(other);
        record.Status.Should().Be(PluginStatus.NotSupported);
        record.Reason.Should().Contain($"TorchSharp {other.ToString(3)}").And.Contain($"TorchSharp {HostTorchSharp.ToString(3)}");
    }

    [Fact]
    public void ADifferentTorchSharpPatchVersionLoads()
    {
        var patch = new Version(HostTorchSharp.Major, HostTorchSharp.Minor, HostTorchSharp.Build + 1, 0);

        var record = LoadOne("Patch.Torch", Plugin("patch.torch", string.Empty, "TorchSharp.Marker.Value"), OtherTorchSharp(patch));

        record.Manifest!.TorchSharpVersion.Should().Be(patch);
        record.Status.Should().Be(PluginStatus.Active, record.Reason);
    }
}
