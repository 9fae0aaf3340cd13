using Distillery.Nas.Scores;
using Distillery.Storage;

namespace Distillery.Tests.Nas;

/// <summary>Writes candidate scores straight into a workspace file, as a search would have stored them.</summary>
internal static class StoredScores
{
    public static async Task WriteAsync(string workspace, IEnumerable<ScoreDocument> scores)
    {
        using var database = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = workspace });
        var store = new ScoreStore(database.For(ScoreStore.Owner));
        foreach (var score in scores)
        {
            var key = new ScoreKey(score.Evaluator, score.Protocol, score.Architecture, score.Dataset, score.DatasetFingerprint, score.Seed, score.Epochs);
            await store.SaveAsync(key, score, CancellationToken.None);
        }
    }

    /// <summary>A score of the ConvNet candidate <paramref name="candidate"/> on Fashion-MNIST at seed 0 and the full protocol.</summary>
    public static ScoreDocument Of(string evaluator, string protocol, string protocolJson, string fingerprint, string candidate, double value, double seconds = 1) => new()
    {
        Evaluator = evaluator,
        Protocol = protocol,
        ProtocolJson = protocolJson,
        Architecture = "convnet:" + candidate,
        Candidate = candidate,
        Dataset = "fashion-mnist",
        DatasetFingerprint = fingerprint,
        Seed = 0,
        Epochs = 0,
        Value = value,
        Seconds = seconds,
        Threads = 1,
        Processor = "Test CPU",
        InstructionSet = "avx2",
        Recorded = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero),
    };
}
