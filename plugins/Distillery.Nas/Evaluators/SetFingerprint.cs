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

        // Of the images networks train on: a multi-formation set and its decoded export (what a worker receives) agree.
        var formation = set.Formation;
        using var images = formation.Decode(set.Images.detach());
        using var labels = formation.DecodeLabels(set.Labels);
        using var soft = set.SoftLabels is { } stored ? formation.DecodeLabels(stored) : null;
        return RunKeys.For(
            "set",
            [
                RunKeys.Fingerprint(images),
                RunKeys.Fingerprint(labels),
                soft is not null ? RunKeys.Fingerprint(soft) : "no soft labels",
                set.LearnedLearningRate?.ToString("R", CultureInfo.InvariantCulture) ?? "no learned rate",
            ]);
    }
}
