using Distillery.Data;
using Distillery.Storage;
using Distillery.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Runs;

/// <summary>
/// Reads the set a run starts from (<c>--init-from</c>): it must be of the run's dataset and IPC, with hard labels;
/// its images are put class after class, the layout methods expect.
/// </summary>
internal static class StartingImages
{
    /// <summary>The images of the stored set <see cref="DistillationJob.InitFrom"/>, class after class, on <paramref name="device"/>.</summary>
    public static async Task<Tensor> LoadAsync(IWorkspaceStore store, DistillationJob job, DatasetInfo info, Device device, CancellationToken cancellationToken)
    {
        using var set = await store.LoadSetAsync(job.InitFrom!, cancellationToken).ConfigureAwait(false);
        var provenance = set.Provenance;
        if (!string.Equals(provenance.Dataset, job.Dataset, StringComparison.OrdinalIgnoreCase) || provenance.ImagesPerClass != job.ImagesPerClass)
        {
            throw new UserErrorException(
                $"The starting set {job.InitFrom} is a set of {provenance.Dataset} at {Counted.ImagesPerClass(provenance.ImagesPerClass)}; this run distills " +
                $"{job.Dataset} at {job.ImagesPerClass}. Start from a set of the same dataset and IPC.")
            {
                Setting = nameof(DistillationJob.InitFrom),
                Value = job.InitFrom,
            };
        }

        using var cpuLabels = set.Labels.cpu().to(ScalarType.Int64);
        var labels = cpuLabels.data<long>().ToArray();
        var perClass = Enumerable.Range(0, info.NumClasses).Select(label => labels.Count(l => l == label));
        if (set.Labels.dim() != 1 || perClass.Any(count => count != job.ImagesPerClass)
            || !set.Images.shape[1..].SequenceEqual([info.Channels, info.Height, info.Width]))
        {
            throw new UserErrorException(
                $"The starting set {job.InitFrom} does not hold {Counted.Of(job.ImagesPerClass, "image")} of shape {info.Channels}×{info.Height}×{info.Width} for every class " +
                $"of {job.Dataset}. Start from a set made for this dataset, with hard labels.")
            {
                Setting = nameof(DistillationJob.InitFrom),
                Value = job.InitFrom,
            };
        }

        var classAfterClass = Enumerable.Range(0, labels.Length).OrderBy(row => labels[row]).Select(row => (long)row).ToArray();
        using var order = torch.tensor(classAfterClass, device: set.Images.device);
        return set.Images.index_select(0, order).to(device, disposeAfter: true);
    }
}
