using System.Runtime.CompilerServices;
using Distillery.Components;
using Distillery.Data;
using Distillery.Nas.Scores;
using Distillery.Runs;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>Opens an evaluator for one dataset, with its options as the protocol its stored scores are keyed by.</summary>
internal sealed class CandidateScorer(IComponentCatalog catalog, IScoreStore store, RunEnvironmentProbe probe)
{
    /// <summary>Each loaded dataset's fingerprint, made once: it hashes the whole training split.</summary>
    private static readonly ConditionalWeakTable<DatasetSplits, string> Fingerprints = [];

    public async Task<EvaluatorSession> OpenAsync(
        string evaluator,
        IReadOnlyDictionary<string, string?> overrides,
        DatasetSplits data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var resolved = catalog.ResolveWithOptions<ICandidateEvaluator>(evaluator, overrides);
        await resolved.Component.PrepareAsync(data.Info, cancellationToken).ConfigureAwait(false);
        var protocolJson = OptionsJson.Serialize(resolved.Options);
        var fingerprint = FingerprintOf(data);
        return new EvaluatorSession(
            resolved.Descriptor.Name, resolved.Component, resolved.Options, protocolJson, ScoreKey.ProtocolOf(protocolJson), data, fingerprint, store, probe.Describe(data.Info.Name));
    }

    /// <summary>The fingerprint of a loaded dataset's training split that score keys carry, made once per load.</summary>
    public static string FingerprintOf(DatasetSplits data) =>
        Fingerprints.GetValue(data, d => RunKeys.Fingerprint(d.Train.Images) + RunKeys.Fingerprint(d.Train.Labels)[..4]);
}
