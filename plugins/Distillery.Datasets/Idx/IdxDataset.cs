using Distillery.Data;
using Distillery.Data.Files;
using Distillery.Progress;

namespace Distillery.Datasets.Idx;

/// <summary>A dataset stored as four IDX files (train and test images and labels), like MNIST.</summary>
internal abstract class IdxDataset : IDataset
{
    private readonly IdxDatasetSpec _spec;
    private readonly StandardDatasetOptions _options;
    private readonly IDatasetFileResolver _files;

    private protected IdxDataset(IdxDatasetSpec spec, StandardDatasetOptions options, IDatasetFileResolver files)
    {
        _spec = spec;
        _options = options;
        _files = files;
    }

    public async Task<DatasetSplits> LoadAsync(IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var request = new DatasetFileRequest(_spec.Name, _spec.Files)
        {
            Folder = _options.Path,
            AllowDownload = _options.AllowDownload,
            SystemPackage = _spec.SystemPackage,
        };
        var paths = await _files.ResolveAsync(request, progress, cancellationToken).ConfigureAwait(false);

        using var task = progress.Start($"Reading {_spec.Name}", 2);
        var train = ReadSplit(paths[_spec.TrainImages.Name], paths[_spec.TrainLabels.Name], _options.MaxTrainImages, cancellationToken);
        task.Advance();
        try
        {
            var test = ReadSplit(paths[_spec.TestImages.Name], paths[_spec.TestLabels.Name], _options.MaxTestImages, cancellationToken);
            task.Advance();
            var info = new DatasetInfo(
                _spec.Name, 1, IdxDatasetSpec.ImageSize, IdxDatasetSpec.ImageSize, _spec.ClassNames, [_spec.Mean], [_spec.Std]);
            return new DatasetSplits(info, train, test);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private LabeledImages ReadSplit(string imagesPath, string labelsPath, int? limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var images = IdxFile.Read(imagesPath, dimensions: 3);
        if (images.Shape[1] != IdxDatasetSpec.ImageSize || images.Shape[2] != IdxDatasetSpec.ImageSize)
        {
            throw new UserErrorException(
                $"'{imagesPath}' holds {images.Shape[1]}×{images.Shape[2]} images; {_spec.Name} images are "
                + $"{IdxDatasetSpec.ImageSize}×{IdxDatasetSpec.ImageSize}. Is it the right file?");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var labelBytes = IdxFile.Read(labelsPath, dimensions: 1);
        if (labelBytes.Count != images.Count)
        {
            throw new UserErrorException(
                $"'{labelsPath}' holds {labelBytes.Count} labels but '{imagesPath}' holds {images.Count} images; "
                + "the two files do not belong together.");
        }

        var count = Math.Min(images.Count, limit ?? int.MaxValue);
        var labels = new long[count];
        var numClasses = _spec.ClassNames.Count;
        for (var i = 0; i < count; i++)
        {
            var label = labelBytes.Data[i];
            if (label >= numClasses)
            {
                throw new UserErrorException(
                    $"'{labelsPath}' has label {label} at position {i}, outside 0..{numClasses - 1}; the file is corrupt.");
            }

            labels[i] = label;
        }

        return ImageTensors.FromBytes(images.Data, labels, count, 1, IdxDatasetSpec.ImageSize, IdxDatasetSpec.ImageSize, numClasses);
    }
}
