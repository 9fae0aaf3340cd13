using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Contract;

/// <summary>
/// Run keys and provenance come from the options object the method was given, defaults included: a changed default
/// is a new run, and the same value reached through any configuration source is the same run.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class OptionsRoadTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AChangedDefaultIsANewRunAndTheSameValueGivenExplicitlyIsTheSameRun()
    {
        var defaultOne = KeyedPlugin.Create(_temp.Combine("plugins-1"), defaultLevel: 1);
        var defaultTwo = KeyedPlugin.Create(_temp.Combine("plugins-2"), defaultLevel: 2);

        var first = await DistillAsync(defaultOne, "a");
        var changedDefault = await DistillAsync(defaultTwo, "b");
        var explicitOne = await DistillAsync(defaultTwo, "c", "--Methods:keyed:Level=1");

        changedDefault.Should().NotBe(first);
        explicitOne.Should().Be(first);
    }

    [Fact]
    public async Task TheProvenanceHoldsTheOptionsObjectAsJsonDefaultsIncluded()
    {
        var plugins = KeyedPlugin.Create(_temp.Combine("plugins"), defaultLevel: 7);
        await DistillAsync(plugins, "set");

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("set", CancellationToken.None);
        var options = JsonNode.Parse(set.Provenance.OptionsJson)!.AsObject();
        options["Level"]!.GetValue<int>().Should().Be(7);
        set.Images.max().item<float>().Should().Be(7f);
    }

    [Fact]
    public async Task TheSameValueFromAppsettingsAnEnvironmentVariableOrTheCommandLineIsTheSameRun()
    {
        var plugins = KeyedPlugin.Create(_temp.Combine("plugins"), defaultLevel: 1);
        var commandLine = await DistillAsync(plugins, "command-line", "--Methods:keyed:Level=5");

        const string variable = "DISTILLERY_Methods__keyed__Level";
        Environment.SetEnvironmentVariable(variable, "5");
        string environment;
        try
        {
            environment = await DistillAsync(plugins, "environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        var folder = Directory.CreateDirectory(_temp.Combine("cwd")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), """{ "Methods": { "keyed": { "Level": 5 } } }""");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        string appsettings;
        try
        {
            appsettings = await DistillAsync(plugins, "appsettings");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        var other = await DistillAsync(plugins, "other", "--Methods:keyed:Level=6");

        environment.Should().Be(commandLine);
        appsettings.Should().Be(commandLine);
        other.Should().NotBe(commandLine);
    }

    /// <summary>Distills Fashion-MNIST (the committed fixture) with <c>keyed</c> and returns the run key.</summary>
    private async Task<string> DistillAsync(string plugins, string name, params string[] extra)
    {
        var run = await HostRun.StartAsync(
        [
            "distill", "--method", "keyed", "--dataset", "fashion-mnist", "--ipc", "1", "--name", name,
            "--output", "json",
            "--workspace", _temp.Combine("work.db"),
            "--plugins", plugins,
            "--device", "cpu",
            $"--Datasets:fashion-mnist:Path={Fixture}",
            "--Datasets:AllowDownload=false",
            $"--Output:Directory={_temp.Combine("out")}",
            .. extra,
        ]);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonNode.Parse(run.Out)!["run"]!.GetValue<string>();
    }
}

/// <summary>Tests that change the process's environment variables or current directory run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
