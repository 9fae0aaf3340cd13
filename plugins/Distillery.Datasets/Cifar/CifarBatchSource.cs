using System.Formats.Tar;
using System.IO.Compression;

namespace Distillery.Datasets.Cifar;

/// <summary>
/// Reads CIFAR-10's binary batch files, either extracted in a folder or straight out of
/// <c>cifar-10-binary.tar.gz</c> without extracting it.
/// </summary>
internal static class CifarBatchSource
{
    public const string ArchiveFolder = "cifar-10-batches-bin";

    public static IReadOnlyList<string> TrainBatches { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public const string TestBatch = "test_batch.bin";

    /// <summary>The folder under <paramref name="root"/> that holds every batch file (itself or its archive subfolder), if any.</summary>
    public static string? FindExtracted(string root)
    {
        foreach (var folder in new[] { Path.Combine(root, ArchiveFolder), root })
        {
            if (TrainBatches.Append(TestBatch).All(name => File.Exists(Path.Combine(folder, name))))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>The bytes of each batch file in an extracted folder, by file name.</summary>
    public static IEnumerable<(string Source, byte[] Bytes)> ReadExtracted(string folder, IEnumerable<string> names) =>
        names.Select(name => Path.Combine(folder, name)).Select(path => (path, File.ReadAllBytes(path)));

    /// <summary>The bytes of each wanted batch file in the archive, by file name; a missing one throws.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadArchive(string archivePath, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(archivePath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = Path.GetFileName(entry.Name);
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && names.Contains(name) && entry.DataStream is { } data)
                {
                    using var bytes = new MemoryStream(checked((int)entry.Length));
                    data.CopyTo(bytes);
                    found[name] = bytes.ToArray();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new UserErrorException($"'{archivePath}' is not a readable tar.gz archive ({e.Message}). Download it again.", e);
        }

        var missing = names.Where(n => !found.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new UserErrorException(
                $"'{archivePath}' lacks {string.Join(", ", missing)}; it is not the CIFAR-10 binary archive. Download it again.");
        }

        return found;
    }
}
