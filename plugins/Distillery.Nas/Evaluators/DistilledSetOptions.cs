using System.ComponentModel;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The distilled-set proxy: a candidate trained on a stored synthetic set (its soft labels and learned learning rate
/// included) with the reference optimizer, 300 epochs, one network, no augmentation by default.
/// </summary>
/// <remarks>
/// The set's content is part of the protocol: <see cref="SetFingerprint"/> is filled in when the evaluator is
/// prepared and serialized with the other options, so a set replaced under the same name keys new scores instead of
/// reusing the old set's.
/// </remarks>
internal sealed class DistilledSetOptions : TrainedScoreOptions
{
    /// <summary>The configuration key of <see cref="Set"/>, for messages.</summary>
    public const string SetSetting = "CandidateEvaluators:set:Set";

    [Description("The stored set (any method) candidates are trained on, by name; the nas command's --set.")]
    public string? Set { get; set; }

    /// <summary>
    /// A hash of the set's images, labels, soft labels and learned learning rate; set by the evaluator once it has
    /// loaded the set (not a setting: configuration cannot bind it).
    /// </summary>
    public string? SetFingerprint { get; private set; }

    internal void Fingerprinted(string fingerprint) => SetFingerprint = fingerprint;
}
