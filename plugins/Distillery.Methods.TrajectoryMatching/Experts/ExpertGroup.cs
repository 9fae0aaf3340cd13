using Distillery.Storage;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// The experts stored under one <see cref="ExpertSettings.Key"/>: the settings they share (from the first readable one),
/// how many are readable and how many damaged, their training time and the bytes their trajectories take.
/// </summary>
internal sealed record ExpertGroup(string Key, ExpertDocument? Settings, int Experts, int Damaged, double Seconds, long Bytes)
{
    public static ExpertGroup Of(string key, IReadOnlyList<ArtifactEntry<ExpertDocument>> entries, string trajectoryTensor)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var readable = entries.Where(entry => !entry.IsDamaged && entry.Tensor(trajectoryTensor) is not null).ToList();
        return new ExpertGroup(
            key,
            readable.Select(entry => entry.Document).OrderBy(document => document.Index).FirstOrDefault(),
            readable.Count,
            entries.Count - readable.Count,
            readable.Sum(entry => entry.Document.Seconds),
            entries.Sum(entry => entry.Tensors.Sum(tensor => tensor.Bytes)));
    }
}
