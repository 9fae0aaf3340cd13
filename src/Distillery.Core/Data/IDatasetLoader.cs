using Distillery.Progress;

namespace Distillery.Data;

/// <summary>
/// Loads a dataset by component name, normalizes it and moves it to the run's device. Loaded datasets are kept
/// for the life of the process, so a second request for the same name costs nothing. The caller does not own them.
/// </summary>
public interface IDatasetLoader
{
    Task<DatasetSplits> LoadAsync(string name, IProgressReporter progress, CancellationToken cancellationToken);
}
