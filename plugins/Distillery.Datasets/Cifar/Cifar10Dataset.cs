using Distillery.Data;
using Distillery.Data.Files;
using Distillery.Progress;
using Microsoft.Extensions.Options;

namespace Distillery.Datasets.Cifar;

/// <summary>
/// Krizhevsky's CIFAR-10: 50,000 training and 10,000 test 32×32 colour images in 10 classes, read from the binary
/// version's batch files, extracted or inside <c>cifar-10-binary.tar.gz</c>.
/// </summary>
internal sealed class Cifar10Dataset(IOptions<Cifar10Options> options, IDatasetFileResolver files) : IDataset
{
    public const string Name = "cifar10";

    private static readonly string[] ClassNames =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    private static readonly DatasetFile Archive = new(
        "cifar-10-binary.tar.gz",
        [new Uri("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")],
        FileChecksum.Md5("c32a1d4ab5d03f1284b67883e8d87530"),
        Size: 170_052_171);

    private readonly Cifar10Options _options = options.Value;

    public async Task<DatasetSplits> LoadAsync(IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var batches = await ReadBatchesAsync(progress, cancellationToken).ConfigureAwait(false);

        using var task = progress.Start($"Reading {Name}", 2);
        var train = ToImages(batches, CifarBatchSource.TrainBatches, _options.MaxTrainImages);
        task.Advance();
        try
        {
            var test = ToImages(batches, [CifarBatchSource.TestBatch], _options.MaxTestImages);
            task.Advance();
            var info = new DatasetInfo(
                Name, CifarRecords.Channels, CifarRecords.Size, CifarRecords.Size, ClassNames,
                [0.4914f, 0.4822f, 0.4465f], [0.2023f, 0.1994f, 0.2010f]);
            return new DatasetSplits(info, train, test);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private static LabeledImages ToImages(IReadOnlyList<(string Source, byte[] Bytes)> batches, IReadOnlyList<string> names, int? limit)
    {
        var selected = batches.Where(b => names.Contains(Path.GetFileName(b.Source))).ToArray();
        var records = new CifarRecords(ClassNames.Length, selected.Sum(b => b.Bytes.Length / CifarRecords.RecordBytes));
        foreach (var (source, bytes) in selected)
        {
            records.Add(source, bytes);
        }

        var count = Math.Min(records.Count, limit ?? int.MaxValue);
        return ImageTensors.FromBytes(
            records.Pixels, records.Labels, count, CifarRecords.Channels, CifarRecords.Size, CifarRecords.Size, ClassNames.Length);
    }

    /// <summary>The batch files, from an extracted folder if one holds them all, otherwise from the archive.</summary>
    private async Task<IReadOnlyList<(string Source, byte[] Bytes)>> ReadBatchesAsync(IProgressReporter progress, CancellationToken cancellationToken)
    {
        var names = CifarBatchSource.TrainBatches.Append(CifarBatchSource.TestBatch).ToArray();
        foreach (var folder in files.SearchFolders(Name, _options.Path))
        {
            if (Directory.Exists(folder.Path) && CifarBatchSource.FindExtracted(folder.Path) is { } extracted)
            {
                return CifarBatchSource.ReadExtracted(extracted, names).ToArray();
            }
        }

        var request = new DatasetFileRequest(Name, [Archive]) { Folder = _options.Path, AllowDownload = _options.AllowDownload };
        var archive = (await files.ResolveAsync(request, progress, cancellationToken).ConfigureAwait(false))[Archive.Name];
        return CifarBatchSource.ReadArchive(archive, names, cancellationToken)
            .Select(pair => ($"{archive}:{CifarBatchSource.ArchiveFolder}/{pair.Key}", pair.Value))
            .ToArray();
    }
}
