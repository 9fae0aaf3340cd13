using Distillery.Progress;

namespace Distillery.Data.Files;

/// <summary>
/// Finds the files a dataset needs. Each file is looked for, in order, in the dataset's own folder (its <c>Path</c>
/// option), the user's cache (<see cref="DatasetFilesOptions.CacheRoot"/>/&lt;name&gt;), the system folder
/// (<see cref="DatasetFilesOptions.SystemRoot"/>/&lt;name&gt;, where Debian's <c>dataset-*</c> packages install),
/// and is otherwise downloaded from its mirrors into the cache, its size and checksum verified.
/// A file that cannot be found or downloaded throws a <see cref="UserErrorException"/> saying where it looked
/// and how to get the data.
/// </summary>
public interface IDatasetFileResolver
{
    /// <summary>The local folders searched for a dataset, in order, each with what it is.</summary>
    IReadOnlyList<DatasetFolder> SearchFolders(string datasetName, string? configuredFolder);

    Task<ResolvedDatasetFiles> ResolveAsync(DatasetFileRequest request, IProgressReporter progress, CancellationToken cancellationToken);
}
