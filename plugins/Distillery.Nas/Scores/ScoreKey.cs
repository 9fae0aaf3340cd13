using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Distillery.Nas.Scores;

/// <summary>
/// What a stored score is the score of: an evaluator under a protocol (its options, hashed), an architecture, a
/// dataset (its name and a fingerprint of its training data), a seed and a fidelity (epochs; 0 for the evaluator's
/// full protocol). A score with the same key is never computed twice.
/// </summary>
internal sealed record ScoreKey(string Evaluator, string Protocol, string Architecture, string Dataset, string DatasetFingerprint, long Seed, int Epochs)
{
    /// <summary>The document id: readable, and unique per key.</summary>
    public string Id => string.Create(
        CultureInfo.InvariantCulture,
        $"{Evaluator}/{Protocol}/{Dataset}@{DatasetFingerprint}/{Architecture}/seed{Seed}/e{Epochs}");

    /// <summary>A short hash of an evaluator's options JSON.</summary>
    public static string ProtocolOf(string optionsJson) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(optionsJson)), 0, 6).ToLowerInvariant();
}
