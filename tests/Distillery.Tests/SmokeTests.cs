using System.Text.Json.Nodes;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests;

/// <summary>The build's own steps: the native fix that lets libtorch load here, and a host whose built-in plugins all load.</summary>
public sealed class SmokeTests
{
    /// <summary>The newer libstdc++ versions libLibTorchSharp.so asks for, which the build marks weak (Directory.Build.targets).</summary>
    private static readonly string[] WeakenedVersions = ["GLIBCXX_3.4.31", "GLIBCXX_3.4.32", "GLIBCXX_3.4.33"];

    public static TheoryData<string> LibTorchSharpCopies => new()
    {
        Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
        Path.Combine(RepositoryPaths.Root, "artifacts", "distillery", "libLibTorchSharp.so"),
    };

    [Theory]
    [MemberData(nameof(LibTorchSharpCopies))]
    public void TheBuildMarksTheNewerLibStdCxxNeedsOfLibTorchSharpWeak(string library)
    {
        if (!OperatingSystem.IsLinux())
        {
            File.Exists(library).Should().BeFalse("only a Linux build carries the Linux native library");
            return;
        }

        var needs = ElfVersionNeeds.Read(library);

        needs.Should().Contain(("GLIBCXX_3.4.32", true), "libLibTorchSharp.so asks for GLIBCXX_3.4.32, which the build marks weak");
        needs.Where(n => WeakenedVersions.Contains(n.Version)).Should().OnlyContain(n => n.Weak);
    }

    [Fact]
    public async Task TheHostLoadsEveryBuiltInComponentOfEveryKind()
    {
        var run = await HostRun.StartAsync(["plugins", "--output", "json", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        var rows = JsonNode.Parse(run.Out)!.AsArray().Select(r => r!.AsObject()).ToList();
        rows.Select(r => (string?)r["kind"]).Should().Contain(new[] { "method", "architecture", "scenario", "dataset" });
        rows.Should().AllSatisfy(r => ((string?)r["status"]).Should().Be("Active", $"{r["kind"]} {r["name"]} of {r["plugin"]} is a built-in component"));
        rows.Where(r => (string?)r["kind"] == "method").Select(r => (string?)r["name"]).Should().Contain(new[] { "random", "herding", "kcenter", "dc", "dsa", "dm", "mtt", "tesla", "frepo" });
    }
}
