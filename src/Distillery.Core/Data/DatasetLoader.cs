using System.Collections.Concurrent;
using Distillery.Components;
using Distillery.Devices;
using Distillery.Progress;

namespace Distillery.Data;

public sealed class DatasetLoader(IComponentCatalog catalog, IDeviceProvider devices) : IDatasetLoader, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetSplits>>> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public Task<DatasetSplits> LoadAsync(string name, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var dataset = catalog.Resolve<IDataset>(name);
        var entry = _loaded.GetOrAdd(name, _ => new Lazy<Task<DatasetSplits>>(() => LoadNormalizedAsync(dataset, progress, cancellationToken)));
        if (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _loaded.TryRemove(name, out _);
        }

        return entry.Value;
    }

    public void Dispose()
    {
        foreach (var entry in _loaded.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Dispose();
            }
        }
    }

    private async Task<DatasetSplits> LoadNormalizedAsync(IDataset dataset, IProgressReporter progress, CancellationToken cancellationToken)
    {
        using var raw = await dataset.LoadAsync(progress, cancellationToken).ConfigureAwait(false);
        var device = devices.Device;
        return new DatasetSplits(raw.Info, Prepare(raw.Train), Prepare(raw.Test));

        LabeledImages Prepare(LabeledImages split) => new(
            Normalization.Normalize(split.Images, raw.Info).to(device),
            split.Labels.to(device),
            raw.Info.NumClasses);
    }
}
