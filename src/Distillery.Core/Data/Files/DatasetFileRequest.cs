namespace Distillery.Data.Files;

/// <summary>What a dataset asks the <see cref="IDatasetFileResolver"/> for.</summary>
/// <param name="DatasetName">The dataset's component name, e.g. <c>fashion-mnist</c>; also its folder name in the cache.</param>
/// <param name="Files">The files it needs.</param>
public sealed record DatasetFileRequest(string DatasetName, IReadOnlyList<DatasetFile> Files)
{
    /// <summary>The dataset's own folder (its <c>Path</c> option), searched first. Null when not set.</summary>
    public string? Folder { get; init; }

    /// <summary>The dataset's own switch for downloading; downloads also need <see cref="DatasetFilesOptions.AllowDownload"/>.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The system package that installs the files, e.g. <c>dataset-fashion-mnist</c>, named in errors.</summary>
    public string? SystemPackage { get; init; }
}
