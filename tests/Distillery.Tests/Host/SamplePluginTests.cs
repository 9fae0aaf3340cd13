using System.Diagnostics;
using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Data;
using Distillery.Host.Plugins;
using Distillery.Methods;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Distillery.Tests.Host;

/// <summary>
/// The sample third-party plugin, built on its own as its author would, dropped into a plugins folder beside the
/// built-in ones.
/// </summary>
public sealed class SamplePluginTests
{
    private const string Project = "Distillery.Samples.ClassMean";

    [Fact]
    public async Task SeparatelyBuiltPluginLoadsBesideTheBuiltInOnesAndDistills()
    {
        var output = await BuildSampleAsync();
        Directory.GetFiles(output, "*.dll").Select(Path.GetFileName).Should().Equal([Project + ".dll"]);

        using var temp = new TemporaryFolder();
        var plugins = temp.Combine("plugins");
        if (Directory.Exists(RepositoryPaths.BuiltInPlugins))
        {
            RepositoryPaths.CopyDirectory(RepositoryPaths.BuiltInPlugins, plugins);
        }

        RepositoryPaths.CopyDirectory(output, Path.Combine(plugins, Project));

        var run = await HostRun.StartAsync(["plugins", "--output", "json", "--plugins", plugins]);
        run.ExitCode.Should().Be(0);
        var rows = JsonNode.Parse(run.Out)!.AsArray();
        var sample = rows.Single(r => (string?)r!["name"] == "class-mean")!;
        ((string?)sample["kind"]).Should().Be("method");
        ((string?)sample["plugin"]).Should().Be("samples.class-mean");
        ((string?)sample["status"]).Should().Be("Active");
        rows.Should().AllSatisfy(r => ((string?)r!["status"]).Should().NotBe("Malfunctioned"));

        await DistillsWithTheSampleAsync(plugins);
    }

    private static async Task DistillsWithTheSampleAsync(string plugins)
    {
        var services = new ServiceCollection().AddLogging();
        var report = new PluginManager().LoadAll(new PluginOptions { Path = plugins }, services, new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var method = new ComponentCatalog(report, provider).Resolve<IDistillationMethod>("class-mean");

        // Two classes of eight 1×2×2 images; in each, image k has every pixel equal to k, so the mean is 3.5 (+10 for class 1).
        var values = Enumerable.Range(0, 16).SelectMany(i => Enumerable.Repeat((float)(i % 8) + (i / 8 * 10), 4)).ToArray();
        using var train = new LabeledImages(
            torch.tensor(values).reshape(16, 1, 2, 2),
            torch.tensor(Enumerable.Range(0, 16).Select(i => (long)(i / 8)).ToArray()),
            numClasses: 2);
        var request = new DistillationRequest
        {
            Dataset = new DatasetInfo("toy", 1, 2, 2, ["a", "b"], [0f], [1f]),
            Train = train,
            ImagesPerClass = 2,
            Architecture = "none",
            Seed = 0,
            Device = torch.CPU,
        };

        using var set = await method.DistillAsync(request, CancellationToken.None);

        set.Images.shape.Should().Equal([4L, 1, 2, 2]);
        set.Labels.data<long>().ToArray().Should().Equal([0L, 0, 1, 1]);
        set.Provenance.SourceIndices!.Order().Should().Equal([3L, 4, 11, 12]);
        set.Provenance.Method.Should().Be("class-mean");
    }

    private static async Task<string> BuildSampleAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "experiments", "samples", Project, Project + ".csproj");
        var start = new ProcessStartInfo("dotnet", ["build", project, "--no-dependencies", "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"dotnet build of the sample failed:\n{await stdout}\n{await stderr}");
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", Project);
    }
}
