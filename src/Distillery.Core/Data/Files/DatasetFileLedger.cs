using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Distillery.Data.Files;

/// <summary>
/// The SHA-256 of every dataset file this process resolved, by dataset, so a run's provenance can say exactly which
/// data it read. A file is hashed once per process (again only if its size or time changes).
/// </summary>
public sealed class DatasetFileLedger
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _datasets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> _hashes = new();

    public async Task RecordAsync(string dataset, IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(paths);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Values)
        {
            hashes[Path.GetFileName(path)] = await HashAsync(path, cancellationToken).ConfigureAwait(false);
        }

        _datasets[dataset] = hashes;
    }

    /// <summary>The files recorded for <paramref name="dataset"/>, or null when it read none through the resolver.</summary>
    public IReadOnlyDictionary<string, string>? FilesOf(string dataset) => _datasets.GetValueOrDefault(dataset);

    private async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (_hashes.TryGetValue(key, out var known))
        {
            return known;
        }

        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        _hashes[key] = hash;
        return hash;
    }
}
