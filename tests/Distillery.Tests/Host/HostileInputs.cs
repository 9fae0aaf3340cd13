using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Distillery.Tests.Host;

/// <summary>
/// Generators of hostile input for the command line: lines built from real commands, options and configuration keys
/// mixed with near misses, values of the wrong type and junk; and experiment files of random shape. Everything that
/// could start long work is kept small (IPC 1, the fixture dataset), and the test adds overrides that cap the rest.
/// No token is <c>--</c>: what follows it goes to the command unread, and the test's own workspace option with it.
/// </summary>
internal static class HostileInputs
{
    public const string SetName = "seeded";

    private static readonly string[] Values =
        ["1", "2", "0", "-1", "abc", "1.5", "", "true", "false", "Real", "Noise", "none", "99999999999", "InstanceNorm", "1e400", "[1]", "ünï", " "];

    private static readonly string[] Keys =
    [
        "Methods:dm:BatchReal", "Methods:dm:Init", "Methods:dm:Momentum", "Methods:dm:Augmentation", "Methods:dm:Iteratons",
        "Methods:herding:PretrainEpochs", "Methods:herding:PretrainImages", "Methods:random:Seed", "Methods:kcenter:BatchSize",
        "Methods:dmm:Iterations", "Methods:dm", "Methods", "Evaluation:BatchSize", "Evaluation:LearningRate",
        "Evaluation:Momentum", "Evaluation:TestBatchSize", "Evaluation:Augmentation", "Evaluation:Epoch", "Evalution:Epochs",
        "Architectures:convnet:Depth", "Architectures:convnet:Width", "Architectures:convnet:Normalization",
        "Architectures:convnet:Pooling", "Architectures:mlp:Hidden", "Datasets:AllowDownload", "Datasets:fashion-mnist:Pth",
        "Scenarios:benchmark:ImagesPerClass:0", "Scenarios:benchmark:ImagesPerClass", "Scenarios:benchmark:Methods:0",
        "Scenarios:continual:Steps", "Scenarios:continual:MemoryPerClass", "Plugins:Disabled:0", "Logging:LogLevel:Default",
        "Bogus", "Bogus:Key", "methods:DM:batchreal", "Methods:dm:BatchReal:0",
    ];

    private static readonly string[] Junk =
    [
        "--bogus", "--sed", "-x", "=", "--=", "--:", "--Methods:", "--:=1", "---", "-", "--name", "--method",
        "--output", "--output=xml", "--output=json", "--verbose", "--allow-unknown-settings", "--help", "--version", "foo",
        "--Methods:dm:Iterations", "abc", "--arch", "nosuch", "--kind", "ünïcödé", "%s",
        "--ipc", "--seed", "--seed=", "--epochs",
    ];

    /// <summary>The commands a line starts with; none of them runs long with the test's caps.</summary>
    private static readonly string[][] Commands =
    [
        ["plugins"], ["plugins", "show", "dm"], ["plugins", "show", "method/random"], ["plugins", "show", "nosuch"],
        ["plugins", "show", "--kind", "architecture", "convnet"], ["plugins", "show"], ["sets", "list"], ["sets", "show", SetName],
        ["sets", "show", "nosuch"], ["sets", "delete", "nosuch"], ["sets"], ["runs", "list"], ["runs", "show", "nosuch"],
        ["distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1"], ["evaluate", "nosuch"],
        ["evaluate", SetName, "--epochs", "1", "--networks", "1"], [], ["nosuchcommand"], ["run"],
    ];

    private static readonly string[] Methods = ["random", "herding", "kcenter", "dm", "nosuch", "RANDOM", ""];

    /// <summary>Values of <c>--ipc</c>, of the right type and of the wrong one.</summary>
    private static readonly string[] Ipcs = ["1", "2", "0", "-1", "100000", "abc", "1.5", ""];

    /// <summary>A command line, without the test's common arguments.</summary>
    public static Gen<string[]> CommandLine(string experimentFile)
    {
        var start = Gen.OneOf(
            Gen.Elements(Commands),
            Gen.Elements(Commands),
            from method in Gen.Elements(Methods)
            from ipc in Gen.Elements(Ipcs)
            from dataset in Gen.Elements("fashion-mnist", "mnist", "nosuch")
            select new[] { "distill", "--method", method, "--dataset", dataset, "--ipc", ipc },
            Gen.Constant(new[] { "run", experimentFile }));
        var token = Gen.OneOf(
            Gen.Elements(Junk),
            Setting(),
            Setting(),
            Gen.Elements(Values),
            RandomToken());
        return from words in start
               from extra in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(token, n))
               from at in Gen.Choose(0, 100)
               select Insert(words, extra, at);
    }

    /// <summary>The text of an experiment file: usually a JSON object of plausible shape, sometimes anything at all.</summary>
    public static Gen<string> ExperimentFile() =>
        Gen.OneOf(
            Experiment().Select(node => node.ToJsonString()),
            Experiment().Select(node => node.ToJsonString()),
            Experiment().Select(node => node.ToJsonString()),
            from node in Experiment()
            from cut in Gen.Choose(0, 100)
            select Truncate(node.ToJsonString(), cut),
            AnyJson(3).Select(node => node?.ToJsonString() ?? "null"),
            Gen.Elements("", "{", "not json", "{\"scenario\": \"benchmark\",}", "// comment\n{}", "\uFEFF{}"));

    private static Gen<string> Setting() =>
        from key in Gen.Elements(Keys)
        from value in Gen.OneOf(Gen.Elements(Values), RandomToken())
        from form in Gen.Choose(0, 3)
        select form == 3 ? $"--{key}" : $"--{key}={value}";

    private static Gen<string> RandomToken() =>
        from length in Gen.Choose(0, 8)
        from chars in Gen.ArrayOf(Gen.Elements("-:=_aZ09 é/\\\"'{}".ToCharArray()), length)
        select new string(chars) into token
        where token != "--"
        select token;

    private static Gen<JsonNode> Experiment()
    {
        var benchmark = Entries(
            ("Dataset", Gen.Elements<JsonNode?>("fashion-mnist", "mnist", 5, null)),
            ("Methods", Gen.Elements<JsonNode?>(new JsonArray("random"), new JsonArray("random", "herding"), "random", new JsonArray("nosuch"), new JsonArray(1), new JsonArray())),
            ("ImagesPerClass", Gen.Elements<JsonNode?>(new JsonArray(1), "ten", new JsonArray("ten"), new JsonArray(0), new JsonArray(-1), 1, new JsonArray(1, 1))),
            ("Architecture", Gen.Elements<JsonNode?>("convnet", "mlp", "nosuch", new JsonObject())),
            ("EvaluateOn", Gen.Elements<JsonNode?>(new JsonArray("mlp"), new JsonArray("nosuch"), "mlp")),
            ("Seed", Gen.Elements<JsonNode?>(0, 3, "x", 1.5, -1)),
            ("RandomBaseline", Gen.Elements<JsonNode?>(true, false, "yes")),
            ("ImagesPerClas", Gen.Elements(new JsonNode?[] { new JsonArray(1) })),
            ("Method", Gen.Elements<JsonNode?>("random")));
        var continual = Entries(
            ("Dataset", Gen.Elements<JsonNode?>("fashion-mnist", "nosuch")),
            ("Steps", Gen.Elements<JsonNode?>(1, 2, 3, 0, "two")),
            ("ClassOrders", Gen.Elements<JsonNode?>(1, 0, "x")),
            ("MemoryPerClass", Gen.Elements<JsonNode?>(1, 0, "x", null)),
            ("MemoryTotal", Gen.Elements<JsonNode?>(10, -3)),
            ("MemoryMethods", Gen.Elements<JsonNode?>(new JsonArray("random"), new JsonArray("random", "random"), "random")),
            ("Learners", Gen.Elements<JsonNode?>(new JsonArray("gdumb"), new JsonArray("nosuch"))),
            ("Setting", Gen.Elements<JsonNode?>("class-incremental", "task-incremental", "sideways")),
            ("Stepz", Gen.Elements<JsonNode?>(2)));
        return from scenario in Gen.Elements<JsonNode?>("benchmark", "continual", "nosuch", 7, null, new JsonArray())
               from hasScenario in Gen.Elements(true, true, true, false)
               from sectionName in Gen.Elements("benchmark", "continual", "Benchmark", "nosuch")
               from benchmarkBody in benchmark
               from continualBody in continual
               from junkKey in Gen.Elements("Evalution", "Evaluation", "Scenario", "Methods", "Bogus", "Workspace2")
               from junkValue in AnyJson(2)
               from hasJunk in Gen.Elements(true, false, false)
               select Build(scenario, hasScenario, sectionName, sectionName.Equals("continual", StringComparison.Ordinal) ? continualBody : benchmarkBody, junkKey, junkValue, hasJunk);
    }

    private static JsonNode Build(JsonNode? scenario, bool hasScenario, string sectionName, JsonObject body, string junkKey, JsonNode? junkValue, bool hasJunk)
    {
        var root = new JsonObject();
        if (hasScenario)
        {
            root["scenario"] = scenario?.DeepClone();
        }

        root["Scenarios"] = new JsonObject { [sectionName] = body };
        if (hasJunk)
        {
            root[junkKey] = junkValue?.DeepClone();
        }

        return root;
    }

    /// <summary>An object holding a random subset of the entries, each with one of its values.</summary>
    private static Gen<JsonObject> Entries(params (string Key, Gen<JsonNode?> Value)[] entries) =>
        Gen.CollectToSequence(entries.Select(entry =>
                from include in Gen.Elements(true, false)
                from value in entry.Value
                select (entry.Key, Include: include, Value: value)))
            .Select(chosen =>
            {
                var body = new JsonObject();
                foreach (var (key, include, value) in chosen.Where(c => c.Include))
                {
                    body[key] = value?.DeepClone();
                }

                return body;
            });

    private static Gen<JsonNode?> AnyJson(int depth)
    {
        var leaf = Gen.Elements<JsonNode?>(null, 0, 1, -1, 1.5, "x", "", true, false, "fashion-mnist", "random");
        if (depth == 0)
        {
            return leaf;
        }

        var inner = AnyJson(depth - 1);
        var array = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(inner, n)).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var obj = from n in Gen.Choose(0, 3)
                  from keys in Gen.ArrayOf(Gen.Elements("Epochs", "Iterations", "scenario", "Scenarios", "benchmark", "a", "", "ImagesPerClass"), n)
                  from values in Gen.ArrayOf(inner, n)
                  select (JsonNode?)ToObject(keys, values);
        return Gen.OneOf(leaf, leaf, array, obj);
    }

    private static JsonObject ToObject(string[] keys, JsonNode?[] values)
    {
        var result = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
        {
            result[keys[i]] = values[i]?.DeepClone();
        }

        return result;
    }

    private static string[] Insert(string[] words, string[] extra, int at)
    {
        var position = words.Length == 0 ? 0 : at % (words.Length + 1);
        return [.. words.Take(position), .. extra, .. words.Skip(position)];
    }

    private static string Truncate(string text, int percent) => text[..(text.Length * percent / 100)];
}
