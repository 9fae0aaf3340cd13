using Distillery.Tests.Kit;
namespace Distillery.Tests.Host;

/// <summary>A typo in an option, a configuration key or an experiment file is an error naming it, never a silent default.</summary>
public sealed class StrictSettingsTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--sed", "sed")]
    [InlineData("--bogus", "bogus")]
    public async Task AnUnknownCommandLineOptionIsRefused(string option, string named)
    {
        var run = await DistillAsync(option, "5");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(named);
        File.Exists(_temp.Combine("work.db")).Should().BeFalse();
    }

    [Theory]
    [InlineData("--Methods:dm:Iteratons=1", "Methods:dm:Iteratons", "Did you mean Iterations?")]
    [InlineData("--Evalution:Epochs=3", "Evalution", "Did you mean Evaluation?")]
    [InlineData("--Methods:dmm:Iterations=3", "Unknown method 'dmm'", "Did you mean dm?")]
    [InlineData("--Evaluation:Epochs=ten", "Evaluation:Epochs = 'ten'", "whole number")]
    [InlineData("--Methods:dm:Iterations=1.5", "Methods:dm:Iterations = '1.5'", "whole number")]
    [InlineData("--Distillery:ReuseHeap=maybe", "Distillery:ReuseHeap = 'maybe'", "true or false")]
    public async Task AMisspeltKeyOrAValueOfTheWrongTypeIsRefusedBeforeAnyWork(string setting, string named, string hint)
    {
        var run = await DistillAsync(setting);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(named).And.Contain(hint);
        File.Exists(_temp.Combine("work.db")).Should().BeFalse();
    }

    [Theory]
    [InlineData("\"ImagesPerClass\": \"ten\"", "ImagesPerClass", "must be a list")]
    [InlineData("\"ImagesPerClass\": [ \"ten\" ]", "ImagesPerClass:0 = 'ten'", "whole number")]
    [InlineData("\"ImagesPerClas\": [ 1 ]", "ImagesPerClas", "Did you mean ImagesPerClass?")]
    public async Task AnExperimentFileWithAWrongTypeOrAMisspeltKeyIsRefused(string entry, string named, string hint)
    {
        var file = _temp.Combine("experiment.json");
        await File.WriteAllTextAsync(file, $$"""
            { "scenario": "benchmark",
              "Scenarios": { "benchmark": { "Dataset": "fashion-mnist", "Methods": [ "random" ], {{entry}} } } }
            """);

        var run = await HostRun.StartAsync(["run", file, .. CommonArguments()]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(named).And.Contain(hint);
    }

    [Fact]
    public async Task AllowingUnknownSettingsTurnsAnUnknownKeyIntoAWarningButNotAWrongType()
    {
        var allowed = await HostRun.StartAsync(["plugins", "--Methods:dm:Iteratons=1", "--allow-unknown-settings", .. CommonArguments()]);
        allowed.ExitCode.Should().Be(0, allowed.Error);
        allowed.Error.Should().Contain("warning:").And.Contain("Methods:dm:Iteratons");

        var wrongType = await HostRun.StartAsync(["plugins", "--Methods:dm:Iterations=many", "--allow-unknown-settings", .. CommonArguments()]);
        wrongType.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task KnownKeysInAnyCaseAreAccepted()
    {
        var run = await HostRun.StartAsync(["plugins", "--methods:DM:iterations=3", "--evaluation:epochs=2", .. CommonArguments()]);

        run.ExitCode.Should().Be(0, run.Error);
    }

    private Task<HostRun> DistillAsync(params string[] extra) => HostRun.StartAsync(
        ["distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", .. CommonArguments(), .. extra]);

    private string[] CommonArguments() => FixtureHost.Arguments(_temp);
}
