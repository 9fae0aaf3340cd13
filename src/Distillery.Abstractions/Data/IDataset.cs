using Distillery.Components;
using Distillery.Progress;

namespace Distillery.Data;

/// <summary>
/// A source of labelled images. <see cref="LoadAsync"/> returns raw pixel values scaled to [0, 1] as float32
/// <c>[N, C, H, W]</c>; the engine normalizes them with <see cref="DatasetInfo.Mean"/> and <see cref="DatasetInfo.Std"/>.
/// A missing, truncated or corrupt file throws a <see cref="UserErrorException"/> that names the file, what is wrong,
/// and how to get the data.
/// </summary>
[ComponentKind("dataset", ComponentSections.Datasets)]
public interface IDataset
{
    Task<DatasetSplits> LoadAsync(IProgressReporter progress, CancellationToken cancellationToken);
}
