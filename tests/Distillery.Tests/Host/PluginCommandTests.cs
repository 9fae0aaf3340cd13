using System.Text.Json.Nodes;
using Distillery.Host.Plugins;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Host;

/// <summary>
/// A plugin brings its own command and artifact store: the host adds the command to its command line, lays the
/// command's experiment file and flags over the configuration (the command line's settings still win), and gives the
/// plugin the store under the owner name it claimed. Names another plugin or the host holds are refused.
/// </summary>
public sealed class PluginCommandTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly string _plugins;

    public PluginCommandTests()
    {
        _plugins = _temp.Combine("plugins");
        PluginCompiler.Compile(Path.Combine(_plugins, "J.Greeter"), "J.Greeter", Greeter);
        PluginCompiler.Compile(Path.Combine(_plugins, "K.OwnerClash"), "K.OwnerClash", Clash("k.owner-clash", "components.AddArtifactStore(\"greeter\");"));
        PluginCompiler.Compile(Path.Combine(_plugins, "L.CommandClash"), "L.CommandClash", Clash("l.command-clash", "components.AddCommand<Clash.SetsCommand>(new CommandRegistration(\"sets\", \"Taken.\"));"));
        File.WriteAllText(_temp.Combine("greet.json"), """{ "scenario": "greet", "Scenarios": { "greet": { "Name": "file", "Loud": "false" } } }""");
        File.WriteAllText(_temp.Combine("bench.json"), """{ "scenario": "benchmark" }""");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task APluginCommandRunsWithItsExperimentFileAndFlagsAndTheCommandLineWins()
    {
        var fromFile = await RunAsync("hello", _temp.Combine("greet.json"), "--output", "json");
        fromFile.ExitCode.Should().Be(0, fromFile.Error);
        var json = JsonNode.Parse(fromFile.Out)!;
        ((string?)json["name"]).Should().Be("file");
        ((string?)json["loud"]).Should().Be("false");
        ((int)json["stored"]!).Should().Be(1);

        var flagged = await RunAsync("hello", _temp.Combine("greet.json"), "--loud", "--Scenarios:greet:Name=line", "--output", "json");
        flagged.ExitCode.Should().Be(0, flagged.Error);
        json = JsonNode.Parse(flagged.Out)!;
        ((string?)json["name"]).Should().Be("line");
        ((string?)json["loud"]).Should().Be("true");
        ((int)json["stored"]!).Should().Be(2, "the plugin's documents stay in the workspace between runs");

        var lineOverFlag = await RunAsync("hello", "--loud", "--Scenarios:greet:Loud=false", "--output", "json");
        ((string?)JsonNode.Parse(lineOverFlag.Out)!["loud"]).Should().Be("false");

        var text = await RunAsync("hello");
        text.ExitCode.Should().Be(0, text.Error);
        text.Out.Should().Contain("hello nobody");
    }

    [Fact]
    public async Task AnExperimentFileForAnotherScenarioIsRefusedAndUnknownCommandsListThePluginS()
    {
        var other = await RunAsync("hello", _temp.Combine("bench.json"));
        other.ExitCode.Should().Be(2);
        other.Error.Should().Contain("'benchmark' scenario").And.Contain("'hello' runs greet ones");

        var unknown = await RunAsync("nope");
        unknown.ExitCode.Should().Be(2);
        unknown.Error.Should().Contain("hello").And.Contain("sets");
    }

    [Fact]
    public async Task TheHelpListsThePluginCommandBesideTheHostS()
    {
        var help = await RunAsync("--help");
        help.Out.Should().Contain("hello").And.Contain("Greets and remembers it").And.Contain("distill");
    }

    [Fact]
    public void AnArtifactOwnerOrACommandNameAlreadyHeldQuarantinesThePluginThatAsksForIt()
    {
        var report = new PluginManager().LoadAll(new PluginOptions { Path = _plugins }, new ServiceCollection(), new ConfigurationBuilder().Build());

        var greeter = report.Plugins.Single(p => p.Id == "j.greeter");
        greeter.Status.Should().Be(PluginStatus.Active);
        greeter.Commands.Select(c => c.Registration.Path).Should().Equal("hello");
        greeter.ArtifactOwners.Should().Equal("greeter");

        var owner = report.Plugins.Single(p => p.Id == "k.owner-clash");
        owner.Status.Should().Be(PluginStatus.Malfunctioned);
        owner.Reason.Should().Contain("'greeter' is already taken by plugin 'j.greeter'");

        var command = report.Plugins.Single(p => p.Id == "l.command-clash");
        command.Status.Should().Be(PluginStatus.Malfunctioned);
        command.Reason.Should().Contain("'sets' is already taken by the host");
    }

    private Task<HostRun> RunAsync(params string[] args) =>
        HostRun.StartAsync([.. args, "--plugins", _plugins, "--workspace", _temp.Combine("work.db")]);

    private static string Clash(string id, string registration) => Usings + $$"""
        [assembly: DistilleryPlugin("{{id}}", "1.0", "Asks for a name that is taken.")]
        namespace Clash;
        public sealed class SetsCommand : Command<DistillerySettings>
        {
            public override int Execute(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken) => 0;
        }

        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) { {{registration}} }
        }
        """;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Nodes;
        using System.Threading;
        using System.Threading.Tasks;
        using Distillery.Commands;
        using Distillery.Components;
        using Distillery.Plugins;
        using Distillery.Storage;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Spectre.Console;
        using Spectre.Console.Cli;

        """;

    private static string Greeter => Usings + """
        [assembly: DistilleryPlugin("j.greeter", "1.0", "Brings a command and keeps its greetings in the workspace.")]
        namespace Greeter;

        public sealed record Greeting(string Name);

        public sealed class Book(IArtifactStore store)
        {
            private static readonly ArtifactCollection Greetings = new("greetings", 1);

            public Task<int> AddAsync(string name, CancellationToken cancellationToken) => store.WriteAsync(session =>
            {
                var greetings = session.Collection<Greeting>(Greetings);
                greetings.Upsert(Guid.NewGuid().ToString("N"), new Greeting(name));
                return greetings.List().Count;
            }, cancellationToken);
        }

        public sealed class HelloSettings : DistillerySettings
        {
            [CommandArgument(0, "[FILE]")]
            public string? File { get; init; }

            [CommandOption("--loud")]
            public bool Loud { get; init; }
        }

        public sealed class HelloCommand(ICommandOutput output, IConfiguration configuration, Book book) : AsyncCommand<HelloSettings>
        {
            public override async Task<int> ExecuteAsync(CommandContext context, HelloSettings settings, CancellationToken cancellationToken)
            {
                var name = configuration["Scenarios:greet:Name"] ?? "nobody";
                var stored = await book.AddAsync(name, cancellationToken);
                if (output.IsJson)
                {
                    output.WriteJson(new JsonObject { ["name"] = name, ["loud"] = configuration["Scenarios:greet:Loud"], ["stored"] = stored });
                }
                else
                {
                    output.Console.WriteLine($"hello {name}");
                }

                return CommandExitCodes.Success;
            }
        }

        public sealed class GreetOptions { public string? Name { get; set; } public bool Loud { get; set; } }

        public sealed class GreetScenario : Distillery.Scenarios.IScenario
        {
            public Task<Distillery.Scenarios.RunReport> RunAsync(Distillery.Scenarios.ScenarioContext context, CancellationToken cancellationToken) =>
                throw new NotSupportedException();
        }

        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components)
            {
                components.AddScenario<GreetScenario, GreetOptions>("greet", "Holds the greeting's settings.");
                components.AddArtifactStore("greeter");
                components.Services.AddSingleton(provider => new Book(provider.GetRequiredKeyedService<IArtifactStore>("greeter")));
                components.AddCommand<HelloCommand>(new CommandRegistration("hello", "Greets and remembers it.")
                {
                    Examples = [["hello", "greet.json", "--loud"]],
                    ExperimentScenario = "greet",
                    Flags = new Dictionary<string, string> { ["--loud"] = "Scenarios:greet:Loud" },
                });
            }
        }
        """;
}
