using System.Diagnostics;
using Distillery.Tests.Kit;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Distillery.Tests.Host;

/// <summary>
/// Random command lines and experiment files against the configuration layer: every one ends in success (0) or a user
/// error (2), never an internal failure (1), and a refused one leaves the workspace as it was.
/// </summary>
public sealed class HostileInputPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_INPUT_CASES"), out var cases) ? cases : 150;
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("HOSTILE_INPUT_SEED"), out var seed) ? seed : 20261201;

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();
    /// <summary>
    /// Whether a case starts without a workspace file. Read commands still create the file when it is missing
    /// (<c>sets show nosuch</c> on a new path), so for now every case starts from a copy of the seeded workspace; make
    /// this <c>Gen.Elements(false, false, false, true)</c> once read commands open the workspace read-only.
    /// </summary>
    private static readonly Gen<bool> FreshWorkspace = Gen.Elements(false, false, false, true);

    private readonly Dictionary<int, int> _exitCodes = [];
    private int _case;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RandomCommandLinesAndExperimentFilesEndInSuccessOrAUserErrorAndARefusalLeavesTheWorkspaceAlone()
    {
        var seeded = _temp.Combine("seeded.db");
        var seed = await HostRun.StartAsync(
            ["distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--name", HostileInputs.SetName, .. Common(seeded)]);
        seed.ExitCode.Should().Be(0, seed.Error);

        var experiment = _temp.Combine("experiment.json");
        var cases = from file in HostileInputs.ExperimentFile()
                    from line in HostileInputs.CommandLine(experiment)
                    from fresh in FreshWorkspace
                    select new HostileCase(line, file, fresh);
        var property = Prop.ForAll(cases.ToArbitrary(), c => Holds(c, seeded, experiment));

        var clock = Stopwatch.StartNew();
        await Task.Run(() => Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None))),
            property));
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F0} s: {_exitCodes.GetValueOrDefault(0)} succeeded, {_exitCodes.GetValueOrDefault(2)} refused.");
        _exitCodes.Keys.Should().BeEquivalentTo([0, 2], "the cases should both succeed and fail, or they test nothing");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3), "the cases are chosen to refuse or finish fast");
    }

    private void Holds(HostileCase hostile, string seeded, string experiment)
    {
        File.WriteAllText(experiment, hostile.ExperimentFile);
        var workspace = _temp.Combine($"case{++_case}.db");
        if (!hostile.FreshWorkspace)
        {
            File.Copy(seeded, workspace);
        }

        var before = File.Exists(workspace) ? File.ReadAllBytes(workspace) : null;
        var run = HostRun.StartAsync([.. hostile.Line, .. Common(workspace), .. Caps]).GetAwaiter().GetResult();

        var what = $"distillery {string.Join(' ', hostile.Line.Select(Quote))} with experiment file {hostile.ExperimentFile}\n{run.Error}";
        run.ExitCode.Should().BeOneOf([0, 2], what);
        _exitCodes[run.ExitCode] = _exitCodes.GetValueOrDefault(run.ExitCode) + 1;
        if (run.ExitCode == 2)
        {
            var after = File.Exists(workspace) ? File.ReadAllBytes(workspace) : null;
            if (before is null)
            {
                after.Should().BeNull($"a refused command must not create the workspace: {what}");
            }
            else
            {
                after.Should().Equal(before, $"a refused command must not change the workspace: {what}");
            }
        }

        if (File.Exists(workspace))
        {
            File.Delete(workspace);
        }
    }

    private string[] Common(string workspace) =>
    [
        "--workspace", workspace,
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
    ];

    /// <summary>Last on the line, so they win: whatever a case asks for stays a few seconds of work.</summary>
    private static readonly string[] Caps =
    [
        "--Evaluation:Epochs=1", "--Evaluation:Networks=1", "--Methods:dm:Iterations=1", "--Methods:dc:Iterations=1",
        "--Methods:dsa:Iterations=1", "--Methods:herding:PretrainEpochs=0", "--Methods:kcenter:PretrainEpochs=0",
        "--Scenarios:continual:Epochs=1", "--Scenarios:continual:RealDataEpochs=1", "--Architectures:convnet:Width=8",
    ];

    private static string Quote(string word) => word.Length == 0 || word.Any(char.IsWhiteSpace) ? $"'{word}'" : word;

    private sealed record HostileCase(string[] Line, string ExperimentFile, bool FreshWorkspace)
    {
        public override string ToString() => $"[{string.Join(", ", Line.Select(w => $"\"{w}\""))}] file: {ExperimentFile} fresh: {FreshWorkspace}";
    }
}
