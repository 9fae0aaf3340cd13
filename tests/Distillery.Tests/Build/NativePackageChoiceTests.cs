using System.Diagnostics;
using System.Text.Json.Nodes;
using Distillery.Tests.Host;

namespace Distillery.Tests.Build;

/// <summary>
/// The native libtorch package the host carries follows the runtime identifier and the backend. The CUDA packages are
/// not served to this machine, so the choice is checked by evaluating the project, not by restoring it.
/// </summary>
public sealed class NativePackageChoiceTests
{
    private static readonly string HostProject = Path.Combine(RepositoryPaths.Root, "src", "Distillery.Host", "Distillery.Host.csproj");

    private static readonly string[] TorchNatives =
    [
        "libtorch-cpu-linux-x64", "libtorch-cpu-win-x64", "libtorch-cpu-win-arm64", "libtorch-cpu-osx-arm64",
        "TorchSharp-cuda-windows", "TorchSharp-cuda-linux", "libtorch-cuda-12.8-linux-x64", "TorchSharp-cpu", "libtorch-cpu",
    ];

    [Theory]
    [InlineData("linux-x64", "cpu", "libtorch-cpu-linux-x64")]
    [InlineData("win-x64", "cpu", "libtorch-cpu-win-x64")]
    [InlineData("osx-arm64", "cpu", "libtorch-cpu-osx-arm64")]
    [InlineData("win-x64", "cuda", "TorchSharp-cuda-windows")]
    [InlineData("linux-x64", "cuda", "TorchSharp-cuda-linux")]
    public async Task TheHostCarriesTheTorchPackageOfItsRuntimeAndBackend(string runtime, string backend, string expected)
    {
        var packages = await PackageReferencesAsync($"-p:RuntimeIdentifier={runtime}", $"-p:TorchBackend={backend}");

        packages.Intersect(TorchNatives).Should().Equal([expected]);
        packages.Should().Contain("TorchSharp");
    }

    [Theory]
    [InlineData("linux-x64", true)]
    [InlineData("win-x64", false)]
    [InlineData("osx-arm64", false)]
    public async Task OnlyALinuxBuildCarriesSkiaSharpsLinuxNatives(string runtime, bool carried)
    {
        var packages = await PackageReferencesAsync($"-p:RuntimeIdentifier={runtime}");

        packages.Contains("SkiaSharp.NativeAssets.Linux.NoDependencies").Should().Be(carried);
    }

    [Fact]
    public async Task TheDefaultBuildIsTheCpuPackageOfTheBuildMachine()
    {
        var packages = await PackageReferencesAsync();

        var expected = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        packages.Intersect(TorchNatives).Should().ContainSingle().Which.Should().StartWith($"libtorch-cpu-{expected}-");
    }

    [Theory]
    [InlineData("osx-arm64", "cuda", "No CUDA build of libtorch for runtime 'osx-arm64'")]
    [InlineData("linux-x64", "rocm", "TorchBackend 'rocm' is not known")]
    [InlineData("linux-arm", "cpu", "No CPU build of libtorch for runtime 'linux-arm'")]
    public async Task ABackendWithoutAPackageIsABuildErrorSayingWhatExists(string runtime, string backend, string message)
    {
        var (exitCode, output) = await MsBuildAsync("-t:DistilleryCheckTorchBackend", $"-p:RuntimeIdentifier={runtime}", $"-p:TorchBackend={backend}");

        exitCode.Should().NotBe(0);
        output.Should().Contain(message);
    }

    private static async Task<IReadOnlyList<string>> PackageReferencesAsync(params string[] properties)
    {
        var (exitCode, output) = await MsBuildAsync(["-getItem:PackageReference", .. properties]);
        exitCode.Should().Be(0, output);
        return JsonNode.Parse(output)!["Items"]!["PackageReference"]!.AsArray().Select(item => (string)item!["Identity"]!).ToList();
    }

    private static async Task<(int ExitCode, string Output)> MsBuildAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", HostProject, "-nologo", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
