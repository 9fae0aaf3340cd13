using System.Globalization;
using Distillery.Methods;
using Distillery.Runs;

namespace Distillery.Nas.Evaluators;

/// <summary>A short hash of everything in a synthetic set that training on it sees.</summary>
internal static class SetFingerprint
{
    public static string Of(SyntheticSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return RunKeys.For(
            "set",
            [
                RunKeys.Fingerprint(set.Images),
                RunKeys.Fingerprint(set.Labels),
                set.SoftLabels is { } soft ? RunKeys.Fingerprint(soft) : "no soft labels",
                set.LearnedLearningRate?.ToString("R", CultureInfo.InvariantCulture) ?? "no learned rate",
            ]);
    }
}
