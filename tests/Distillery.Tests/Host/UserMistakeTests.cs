using System.Text.Json.Nodes;
using Distillery.Tests.Contract;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary>
/// Mistakes a user makes on the command line or in the configuration: each exits 2 with a one-line cause and a fix,
/// never as an internal failure (exit 1). Runs alone, since one test changes the current directory.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class UserMistakeTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--ipc abc", "--ipc 'abc' is not valid: it must be a whole number.", "distill")]
    [InlineData("--seed=x1", "--seed 'x1' is not valid: it must be a whole number.", "distill")]
    [InlineData("--ipc 99999999999", "--ipc '99999999999' is not valid: it must be a whole number.", "distill")]
    [InlineData("--ipc ", "--ipc '' is not valid: it must be a whole number.", "distill")]
    public async Task AValueThatIsNotANumberForANumberOptionOfDistillExits2NamingTheOption(string option, string cause, string command)
    {
        string[] ipc = option.StartsWith("--ipc", StringComparison.Ordinal) ? [] : ["--ipc", "1"];
        string[] args = ["distill", "--method", "random", "--dataset", "fashion-mnist", .. ipc, .. option.Split(' ')];

        var run = await RunAsync(args);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(cause).And.Contain($"See 'distillery {command} --help'.").And.NotContain("internal failure");
    }

    [Theory]
    [InlineData("--epochs", "1.5", "a whole number")]
    [InlineData("--networks", "many", "a whole number")]
    public async Task AValueThatIsNotANumberForANumberOptionOfEvaluateExits2NamingTheOption(string option, string value, string expected)
    {
        var run = await RunAsync("evaluate", "some-set", option, value);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain($"{option} '{value}' is not valid: it must be {expected}.").And.Contain("See 'distillery evaluate --help'.");
    }

    [Fact]
    public async Task ABrokenAppsettingsJsonInTheCurrentDirectoryExits2NamingTheFileAndTheLine()
    {
        var folder = _temp.Folder("here");
        var file = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(file, "{\n  \"Evaluation\": {\n    \"Epochs\": 3,,\n  }\n}\n");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            var run = await RunAsync("sets", "list");

            run.ExitCode.Should().Be(2, run.Error);
            run.Error.Should().Contain($"'{file}' is not valid JSON (line 3,").And.Contain("Fix the file").And.NotContain("internal failure");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task TheHelpHintNamesTheCommandInsteadOfAPlaceholder()
    {
        var run = await RunAsync("sets", "export", "--bogus");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("See 'distillery sets export --help'.").And.NotContain("COMMAND");
    }

    [Fact]
    public async Task UnderJsonOutputAUserErrorIsOneJsonDocumentOnStdoutAsWell()
    {
        var run = await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "abc", "--output", "json");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("--ipc 'abc'");
        var error = JsonNode.Parse(run.Out)!["error"]!;
        error["code"]!.GetValue<int>().Should().Be(2);
        error["kind"]!.GetValue<string>().Should().Be("user");
        error["message"]!.GetValue<string>().Should().Contain("--ipc 'abc' is not valid");
    }

    private Task<HostRun> RunAsync(params string[] args) => HostRun.StartAsync(
    [
        .. args,
        "--workspace", _temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
    ]);
}
