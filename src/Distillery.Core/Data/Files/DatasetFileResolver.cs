using System.Text;
using Distillery.Progress;
using Microsoft.Extensions.Options;

namespace Distillery.Data.Files;

public sealed class DatasetFileResolver(IOptions<DatasetFilesOptions> options, DatasetFileDownloader downloader, DatasetFileLedger ledger) : IDatasetFileResolver
{
    private readonly DatasetFilesOptions _options = options.Value;

    public IReadOnlyList<DatasetFolder> SearchFolders(string datasetName, string? configuredFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetName);
        var folders = new List<DatasetFolder>(3);
        if (!string.IsNullOrWhiteSpace(configuredFolder))
        {
            folders.Add(new DatasetFolder(Path.GetFullPath(configuredFolder), $"{PathOption(datasetName)}"));
        }

        folders.Add(new DatasetFolder(CacheFolder(datasetName), "the cache, Datasets:CacheRoot"));
        folders.Add(new DatasetFolder(Path.Combine(Path.GetFullPath(_options.SystemRoot), datasetName), "the system folder, Datasets:SystemRoot"));
        return folders;
    }

    public async Task<ResolvedDatasetFiles> ResolveAsync(DatasetFileRequest request, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        if (!string.IsNullOrWhiteSpace(request.Folder) && !Directory.Exists(request.Folder))
        {
            throw new UserErrorException(
                $"The folder '{request.Folder}' given by {PathOption(request.DatasetName)} does not exist. "
                + "Point it at the folder that holds the dataset's files, or remove the setting to use the cache or a download.");
        }

        var folders = SearchFolders(request.DatasetName, request.Folder);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in request.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            paths[file.Name] = await FindLocalAsync(file, folders, cancellationToken).ConfigureAwait(false)
                ?? await DownloadAsync(request, file, folders, progress, cancellationToken).ConfigureAwait(false);
        }

        await ledger.RecordAsync(request.DatasetName, paths, cancellationToken).ConfigureAwait(false);
        return new ResolvedDatasetFiles(paths);
    }

    private static string PathOption(string datasetName) => $"Datasets:{datasetName}:Path";

    private string CacheFolder(string datasetName) => Path.Combine(_options.EffectiveCacheRoot, datasetName);

    private async Task<string?> FindLocalAsync(DatasetFile file, IReadOnlyList<DatasetFolder> folders, CancellationToken cancellationToken)
    {
        foreach (var folder in folders)
        {
            var own = Path.Combine(folder.Path, file.Name);
            if (File.Exists(own))
            {
                if (_options.VerifyLocalFiles)
                {
                    await VerifyLocalAsync(file, own, cancellationToken).ConfigureAwait(false);
                }

                return own;
            }

            foreach (var alternative in file.AlternativeNames)
            {
                var path = Path.Combine(folder.Path, alternative);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static async Task VerifyLocalAsync(DatasetFile file, string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (file.Size is { } size && size != length)
        {
            throw new UserErrorException(
                $"'{path}' has {length} bytes, expected {size}. Delete or replace it, or set Datasets:VerifyLocalFiles=false.");
        }

        if (file.Checksum is { } checksum)
        {
            var found = await checksum.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
            if (found != checksum.Hex)
            {
                throw new UserErrorException(
                    $"'{path}' failed its checksum: expected {checksum}, found {found}. Delete or replace it, or set Datasets:VerifyLocalFiles=false.");
            }
        }
    }

    private async Task<string> DownloadAsync(
        DatasetFileRequest request, DatasetFile file, IReadOnlyList<DatasetFolder> folders, IProgressReporter progress, CancellationToken cancellationToken)
    {
        if (!_options.AllowDownload || !request.AllowDownload || file.Mirrors.Count == 0)
        {
            var reason = file.Mirrors.Count == 0
                ? "It has no download address."
                : $"Downloading is switched off ({(_options.AllowDownload ? $"Datasets:{request.DatasetName}:AllowDownload" : "Datasets:AllowDownload")}=false).";
            throw NotFound(request, file, folders, reason, []);
        }

        var destination = Path.Combine(CacheFolder(request.DatasetName), file.Name);
        var failures = new List<string>();
        foreach (var mirror in file.Mirrors)
        {
            try
            {
                await downloader.DownloadAsync(file, mirror, destination, progress, cancellationToken).ConfigureAwait(false);
                return destination;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (UserErrorException e)
            {
                failures.Add(e.Message);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                failures.Add($"{mirror}: {(e is OperationCanceledException ? "timed out" : e.Message)}");
            }
        }

        throw NotFound(request, file, folders, "Downloading it failed:", failures);
    }

    private UserErrorException NotFound(
        DatasetFileRequest request, DatasetFile file, IReadOnlyList<DatasetFolder> folders, string reason, IReadOnlyList<string> failures)
    {
        var message = new StringBuilder()
            .Append($"Dataset '{request.DatasetName}': the file '{file.Name}'")
            .Append(file.AlternativeNames.Count > 0 ? $" (or {string.Join(", ", file.AlternativeNames.Select(n => $"'{n}'"))})" : string.Empty)
            .AppendLine(" was not found. Looked in:");
        foreach (var folder in folders)
        {
            message.AppendLine($"  - {folder.Path} ({folder.Description})");
        }

        message.AppendLine(reason);
        foreach (var failure in failures)
        {
            message.AppendLine($"  - {failure}");
        }

        message.AppendLine("To get the data, any of:");
        if (request.SystemPackage is { } package)
        {
            message.AppendLine($"  - install it: apt-get install {package}");
        }

        foreach (var mirror in file.Mirrors.Take(1))
        {
            message.AppendLine($"  - download {mirror} into {CacheFolder(request.DatasetName)}");
        }

        if (_options.AllowDownload && request.AllowDownload && file.Mirrors.Count > 0 && failures.Count == 0)
        {
            message.AppendLine("  - allow downloading: --Datasets:AllowDownload=true");
        }

        message.Append($"  - point at a folder that holds the files: --{PathOption(request.DatasetName)}=<folder>");
        return new UserErrorException(message.ToString());
    }
}
