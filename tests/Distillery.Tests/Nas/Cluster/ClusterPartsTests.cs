using Distillery.Nas.Cluster;
using Distillery.Nas.Cluster.Coordinating;
using Distillery.Nas.Cluster.Messages;
using Distillery.Nas.Evaluators;
using Microsoft.Extensions.Configuration;

namespace Distillery.Tests.Nas.Cluster;

/// <summary>The cluster's parts that need no cluster: who may join, how settings travel, who is the primary.</summary>
public sealed class ClusterPartsTests
{
    [Fact]
    public void AWorkerOfTheSameBuildAndPluginsIsWelcome() =>
        WorkerCompatibility.Check(Description(), Description()).Should().BeNull();

    [Fact]
    public void AWorkerLackingAPluginTheCoordinatorHasIsWelcomeUntilAJobNeedsIt() =>
        WorkerCompatibility.Check(Description(plugins: []), Description()).Should().BeNull();

    [Fact]
    public void EveryDifferenceOfBuildOrPluginVersionIsNamedWithBothSides()
    {
        var reason = WorkerCompatibility.Check(
            Description(host: "0.1.0+aaaa", torch: "0.106.0", nas: "0.2.0"),
            Description(host: "0.1.0+bbbb", torch: "0.107.0", nas: "0.1.0"));

        reason.Should().Contain("Distillery 0.1.0+aaaa where the coordinator runs 0.1.0+bbbb")
            .And.Contain("TorchSharp 0.106.0 where the coordinator runs 0.107.0")
            .And.Contain("plugin distillery.nas 0.2.0 where the coordinator runs 0.1.0")
            .And.Contain("same build");
    }

    [Fact]
    public void EvaluatorSettingsTravelAsKeysThatBindTheSameOptionsAgain()
    {
        var sent = new DistilledSetOptions { Set = "dm-ipc10", Epochs = 30, LearningRate = 0.025, ValidationImages = 1000, Augmentation = "flip" };
        sent.Fingerprinted("abc123");

        var settings = OptionsSettings.Of(sent);
        var received = new DistilledSetOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().Bind(received, o => o.ErrorOnUnknownConfiguration = true);

        settings.Should().NotContainKey(nameof(DistilledSetOptions.SetFingerprint), "the worker computes it from the set it holds");
        received.Should().BeEquivalentTo(sent, o => o.Excluding(x => x.SetFingerprint));
    }

    [Fact]
    public void OfWorkersStartedTogetherOnOneMachineExactlyOneIsTheLocalhostPrimary()
    {
        var options = new ClusterOptions { ClusterId = $"test-{Guid.NewGuid():N}", SiloPort = 21111, GatewayPort = 40000 };

        using var first = WorkerEndpoints.Choose(options);
        using var second = WorkerEndpoints.Choose(options);

        first.Primary.Should().BeTrue();
        (first.SiloPort, first.GatewayPort).Should().Be((21111, 40000));
        second.Primary.Should().BeFalse();
        second.SiloPort.Should().NotBe(21111);
    }

    [Fact]
    public void RedisWorkersTakeFreePortsUnlessPortsAreSet()
    {
        var free = new ClusterOptions { Membership = ClusterMembership.Redis };
        var fixedPorts = new ClusterOptions { Membership = ClusterMembership.Redis, SiloPort = 21112, GatewayPort = 40001 };

        using var automatic = WorkerEndpoints.Choose(free);
        using var chosen = WorkerEndpoints.Choose(fixedPorts);

        automatic.Primary.Should().BeFalse();
        automatic.SiloPort.Should().NotBe(WorkerEndpoints.PrimarySiloPort);
        (chosen.SiloPort, chosen.GatewayPort).Should().Be((21112, 40001));
    }

    private static WorkerDescription Description(string host = "0.1.0+abc", string torch = "0.107.0", string nas = "0.1.0", Dictionary<string, string>? plugins = null) => new()
    {
        Name = "worker",
        Slots = 1,
        Threads = 1,
        Processor = "cpu",
        HostVersion = host,
        Contract = "2.3",
        TorchSharp = torch,
        Plugins = plugins ?? new Dictionary<string, string> { ["distillery.nas"] = nas, ["distillery.architectures"] = "0.1.0" },
        Device = "cpu",
    };
}
