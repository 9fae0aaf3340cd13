using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class ProtocolLabelTests
{
    [Fact]
    public void AProtocolIsNamedByTheSettingsInWhichItDiffersFromTheOthers()
    {
        const string dm = """{"Epochs":30,"Set":"dm-ipc10","SetFingerprint":"aa"}""";
        const string dsa = """{"Epochs":30,"Set":"dsa-ipc10","SetFingerprint":"bb"}""";
        const string longer = """{"Epochs":100,"Set":"dm-ipc10","SetFingerprint":"aa"}""";

        ProtocolLabel.For("set", "p1", dm, [dsa, longer]).Should().Be("set (Epochs=30, Set=dm-ipc10)");
        ProtocolLabel.For("set", "p2", dsa, [dm]).Should().Be("set (Set=dsa-ipc10)");
        ProtocolLabel.For("set", "p3", longer, [dm]).Should().Be("set (Epochs=100)");
    }

    [Fact]
    public void ProtocolsThatDifferOnlyInDerivedOrUnreadableSettingsAreNamedByTheirHash()
    {
        ProtocolLabel.For("set", "p1", """{"Set":"a","SetFingerprint":"aa"}""", ["""{"Set":"a","SetFingerprint":"bb"}"""]).Should().Be("set@p1");
        ProtocolLabel.For("set", "p1", "not json", ["""{"Set":"a"}"""]).Should().Be("set@p1");
    }
}
