using Distillery.Data;
using Distillery.Progress;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Datasets.ImageFolder;

/// <summary>
/// A user's own labelled images, one subfolder per class. Mean and standard deviation are measured on the train split.
/// </summary>
internal sealed class ImageFolderDataset(IOptions<ImageFolderOptions> options) : IDataset
{
    public const string Name = "image-folder";

    private readonly ImageFolderOptions _options = options.Value;

    public Task<DatasetSplits> LoadAsync(IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var root = _options.Root ?? throw new UserErrorException("Set Datasets:image-folder:Root to the folder holding your images.");
        var layout = ImageFolderLayout.Scan(Path.GetFullPath(root), _options.TestFraction, _options.Seed);
        var decoder = new ImageDecoder(_options.Channels, _options.Width, _options.Height);

        using var task = progress.Start($"Reading {root}", layout.Train.Count + layout.Test.Count);
        (int Width, int Height)? size = null;
        var train = Read(layout.Train, layout.ClassNames.Count, decoder, ref size, task, cancellationToken);
        try
        {
            var test = Read(layout.Test, layout.ClassNames.Count, decoder, ref size, task, cancellationToken);
            var (mean, std) = Statistics(train.Images);
            var info = new DatasetInfo(Name, _options.Channels, size!.Value.Height, size.Value.Width, layout.ClassNames, mean, std);
            return Task.FromResult(new DatasetSplits(info, train, test));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private LabeledImages Read(
        IReadOnlyList<LabeledFile> files, int numClasses, ImageDecoder decoder, ref (int Width, int Height)? size, IProgressTask task, CancellationToken cancellationToken)
    {
        byte[]? pixels = null;
        var labels = new long[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (width, height, planes) = decoder.Decode(files[i].Path);
            if (size is null)
            {
                size = (width, height);
            }
            else if (size != (width, height))
            {
                throw new UserErrorException(
                    $"The image '{files[i].Path}' is {width}×{height} but the images before it are {size.Value.Width}×{size.Value.Height}. "
                    + "Set Datasets:image-folder:Width and Height to resize them all.");
            }

            pixels ??= new byte[(long)files.Count * planes.Length];
            planes.CopyTo(pixels, (long)i * planes.Length);
            labels[i] = files[i].Label;
            task.Advance();
        }

        return ImageTensors.FromBytes(pixels!, labels, files.Count, _options.Channels, size!.Value.Height, size.Value.Width, numClasses);
    }

    private static (float[] Mean, float[] Std) Statistics(torch.Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        long[] dimensions = [0, 2, 3];
        var mean = images.mean(dimensions).data<float>().ToArray();
        var std = images.std(dimensions, unbiased: false).data<float>().ToArray();
        return (mean, std.Select(s => s > 1e-6f ? s : 1f).ToArray());
    }
}
