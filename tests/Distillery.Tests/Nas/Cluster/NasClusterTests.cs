using System.Diagnostics;
using System.Text.Json.Nodes;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Nas.Cluster;

/// <summary>
/// Searches whose candidates train on cluster workers, each member (workers and the coordinator) a process of the
/// built command line, on the committed Fashion-MNIST fixture: ConvNets of depth 1–2 and width 32, the full evaluator
/// for a few epochs. Each test has a cluster id of its own.
/// </summary>
public sealed class NasClusterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TemporaryFolder _temp = new();
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ADistributedSearchStoresExactlyTheScoresOfASingleProcessOne()
    {
        var local = await SearchAsync("local.db", []);
        string[] ports = LocalhostPorts();
        using var worker = StartWorker("worker.db", ports);

        var distributed = await SearchAsync("cluster.db", ["--cluster", .. ports]);

        distributed.ExitCode.Should().Be(0, distributed.Error + worker.Output);
        Scores(distributed).Should().Equal(Scores(local));
        Trials(distributed).Should().AllSatisfy(t => ((bool)t!["stored"]!).Should().BeFalse());
        distributed.Error.Should().Contain("Cluster: 1 workers (1 slots)");

        var rerun = await SearchAsync("cluster.db", []);
        Trials(rerun).Should().AllSatisfy(t => ((bool)t!["stored"]!).Should().BeTrue(), "the coordinator stored every score the worker sent");
    }

    [Fact]
    public async Task AWorkerKilledMidCandidateLosesNothingAndTheSearchEndsWithTheSameScores()
    {
        using var redis = await RedisServer.StartAsync();
        string[] membership = ["--Cluster:Membership=redis", $"--Cluster:Redis={redis.Address}"];
        var local = await SearchAsync("local.db", [], epochs: 15);
        using var survivor = StartWorker("survivor.db", [.. membership, "--name", "survivor"]);
        using var victim = StartWorker("victim.db", [.. membership, "--name", "victim", "--Logging:LogLevel:Distillery.Nas.Cluster=Information"]);
        await Task.WhenAll(survivor.WaitForAsync("joined", Patience), victim.WaitForAsync("joined", Patience));

        using var coordinator = StartSearch("cluster.db", ["--cluster", .. membership], epochs: 15);
        await victim.WaitForAsync("Scoring", Patience);
        victim.Kill();
        var distributed = await coordinator.ExitAsync(Patience);

        distributed.ExitCode.Should().Be(0, distributed.Error);
        distributed.Error.Should().Contain("goes back to the queue").And.Contain("victim");
        Scores(distributed).Should().Equal(Scores(local));
    }

    [Fact]
    public async Task AProxySetTravelsOnceToEachWorkerAndScoresAsInOneProcess()
    {
        var distill = await HostRun.StartAsync(
        [
            "distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "2", "--name", "proxy",
            .. FixtureHost.Arguments(_temp), "--workspace", _temp.Combine("cluster.db"),
        ]);
        distill.ExitCode.Should().Be(0, distill.Error);
        File.Copy(_temp.Combine("cluster.db"), _temp.Combine("local.db"));
        string[] proxy = ["--evaluator", "set", "--set", "proxy", "--CandidateEvaluators:set:Epochs=5"];
        var local = await SearchAsync("local.db", proxy);
        string[] ports = LocalhostPorts();
        using var worker = StartWorker("worker.db", [.. ports, "--Logging:LogLevel:Distillery.Nas.Cluster=Information"]);

        var distributed = await SearchAsync("cluster.db", ["--cluster", .. ports, .. proxy]);

        distributed.ExitCode.Should().Be(0, distributed.Error + worker.Output);
        Scores(distributed).Should().Equal(Scores(local));
        worker.Output.Split("Received set proxy").Should().HaveCount(2, "the set is sent once, then the worker holds it");
        File.Exists(_temp.Combine("worker.db")).Should().BeFalse("a worker writes no workspace");
    }

    [Fact]
    public async Task AWorkerWithOtherPluginVersionsIsRefusedAtJoinNamingBoth()
    {
        var older = PluginCompiler.Compile(_temp.Folder("older", "T.Versioned"), "T.Versioned", VersionedPlugin("1.0.0"));
        var newer = PluginCompiler.Compile(_temp.Folder("newer", "T.Versioned"), "T.Versioned", VersionedPlugin("2.0.0"));
        string[] ports = LocalhostPorts();
        using var worker = StartWorker("worker.db", [.. ports, "--plugins", Path.GetDirectoryName(Path.GetDirectoryName(older))!]);

        var run = await SearchAsync("cluster.db", ["--cluster", .. ports, "--plugins", Path.GetDirectoryName(Path.GetDirectoryName(newer))!, "--Cluster:WorkerWait=00:00:05"]);

        run.ExitCode.Should().Be(2, run.Error + worker.Output);
        run.Error.Should().Contain("refused").And.Contain("t.versioned 1.0.0 where the coordinator runs 2.0.0");
    }

    [Fact]
    public async Task AJobNamingAComponentTheWorkerLacksIsRefusedWithTheWorkersReason()
    {
        string[] ports = LocalhostPorts();
        using var worker = StartWorker("worker.db", [.. ports, "--Plugins:Disabled:0=distillery.architectures"]);

        var run = await SearchAsync("cluster.db", ["--cluster", .. ports, "--Cluster:WorkerWait=00:00:05"]);

        run.ExitCode.Should().Be(2, run.Error + worker.Output);
        run.Error.Should().Contain("refused").And.Contain("convnet");
    }

    [Fact]
    public async Task AnUnreachableRedisIsAnErrorNamingItsAddressWithinSeconds()
    {
        var address = $"127.0.0.1:{RedisServer.FreePort()}";
        var clock = Stopwatch.StartNew();

        var run = await SearchAsync("cluster.db", ["--cluster", "--Cluster:Membership=redis", $"--Cluster:Redis={address}", "--Cluster:ConnectTimeout=00:00:02"]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(address).And.Contain("redis-server");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task AWorkerOfAnotherClusterIdIsNeverUsed()
    {
        using var redis = await RedisServer.StartAsync();
        string[] membership = ["--Cluster:Membership=redis", $"--Cluster:Redis={redis.Address}"];
        using var worker = StartWorker("worker.db", [.. membership, "--Cluster:ClusterId=another-lab"]);
        await worker.WaitForAsync("joined", Patience);

        var run = await SearchAsync("cluster.db", ["--cluster", .. membership, "--Cluster:ConnectTimeout=00:00:03"]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain($"cluster '{_clusterId}'");
    }

    [Fact]
    public async Task WithACertificateMembersTalkTlsAndAMemberWithoutItIsShutOut()
    {
        var certificate = _temp.Combine("cluster.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=distillery-test-cluster", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificate, made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        }

        string[] ports = LocalhostPorts();
        using var worker = StartWorker("worker.db", [.. ports, $"--Cluster:Certificate={certificate}"]);

        var secured = await SearchAsync("secured.db", ["--cluster", .. ports, $"--Cluster:Certificate={certificate}"]);
        var outsider = await SearchAsync("outsider.db", ["--cluster", .. ports, "--Cluster:ConnectTimeout=00:00:05"]);

        secured.ExitCode.Should().Be(0, secured.Error + worker.Output);
        Trials(secured).Should().HaveCount(4);
        outsider.ExitCode.Should().Be(2, outsider.Error);
        outsider.Error.Should().Contain("Could not reach");
    }

    [Fact]
    public async Task AWorkerServesTheOrleansDashboardOnLoopbackWhenAsked()
    {
        var port = RedisServer.FreePort();
        using var worker = StartWorker("worker.db", [.. LocalhostPorts(), "--dashboard", $"{port}"]);
        await worker.WaitForAsync("Dashboard: http://127.0.0.1:", Patience);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));

        page.Should().Contain("Orleans Dashboard");
    }

    [Theory]
    [InlineData("--Cluster:Membershp=redis", "Membershp")]
    [InlineData("--Cluster:Membership=carrier-pigeon", "Membership")]
    [InlineData("--Cluster:ProbeTimeout=forever", "ProbeTimeout")]
    [InlineData("--Cluster:Certificate=/no/such/cluster.pfx", "/no/such/cluster.pfx")]
    public async Task ABadClusterSettingIsAnErrorNamingIt(string setting, string named)
    {
        var run = await HostRun.StartAsync(["worker", .. FixtureHost.Arguments(_temp), setting]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(named);
    }

    [Fact]
    public async Task TheHelpOfWorkerShowsExamplesAndItsFlags()
    {
        var run = await HostRun.StartAsync(["worker", "--help", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("EXAMPLES").And.Contain("--workers-per-device").And.Contain("--name").And.Contain("--dashboard");
    }

    private static string VersionedPlugin(string version) => TestPlugins.Usings + $$"""
        [assembly: DistilleryPlugin("t.versioned", "{{version}}", "A plugin built twice.")]
        namespace Versioned;
        public sealed class VersionedArchitecture : IArchitecture
        {
            public IReadOnlyList<string> Variants => ["small"];
            public Network Create(NetworkSpec spec) => throw new NotSupportedException(spec.Variant);
        }
        public sealed class VersionedPlugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) =>
                components.AddArchitecture<VersionedArchitecture, NoOptions>("versioned", "An architecture of either version.");
        }
        """;

    private static string[] LocalhostPorts() => [$"--Cluster:SiloPort={RedisServer.FreePort()}", $"--Cluster:GatewayPort={RedisServer.FreePort()}"];

    private static JsonArray Trials(HostRun run) => JsonNode.Parse(run.Out)!["trials"]!.AsArray();

    private static IEnumerable<double> Scores(HostRun run) => Trials(run).Select(t => (double)t!["score"]!);

    private HostProcess StartWorker(string workspace, string[] arguments) => HostProcess.Start(
    [
        "worker",
        .. Common(workspace),
        "--Cluster:ProbeTimeout=00:00:02",
        .. arguments,
    ]);

    private async Task<HostRun> SearchAsync(string workspace, string[] arguments, int epochs = 1)
    {
        using var search = StartSearch(workspace, arguments, epochs);
        return await search.ExitAsync(Patience);
    }

    private HostProcess StartSearch(string workspace, string[] arguments, int epochs = 1) => HostProcess.Start(
    [
        "nas",
        .. Common(workspace),
        "--output", "json",
        "--evaluator", "full",
        "--strategy", "random",
        "--evaluations", "4",
        "--SearchSpaces:convnet:Depths:0=1",
        "--SearchSpaces:convnet:Depths:1=2",
        "--SearchSpaces:convnet:Widths:0=32",
        $"--CandidateEvaluators:full:Epochs={epochs}",
        "--CandidateEvaluators:full:BatchSize=32",
        "--Cluster:ConnectTimeout=00:01:00",
        "--Cluster:WorkerWait=00:01:00",
        .. arguments,
    ]);

    /// <summary>The fixture's settings; the process loads the built-in plugins from beside itself.</summary>
    private string[] Common(string workspace) =>
    [
        "--workspace", _temp.Combine(workspace),
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={FixtureHost.FashionMnist}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
        "--Distillery:Threads=1",
        $"--Cluster:ClusterId={_clusterId}",
    ];
}
