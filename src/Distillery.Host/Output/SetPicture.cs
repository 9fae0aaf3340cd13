using Distillery.Commands;
using Distillery.Data;
using Distillery.Imaging;
using Distillery.Methods;
using Distillery.Progress;
using Microsoft.Extensions.Options;

namespace Distillery.Host.Output;

/// <summary>Draws a synthetic set as a PNG grid, one row per class.</summary>
public sealed class SetPicture(IDatasetLoader datasets, IOptions<OutputOptions> options) : ISetPicture
{
    /// <summary>The folder pictures go to unless told otherwise.</summary>
    public string Directory => Path.GetFullPath(options.Value.Directory);

    public string DefaultPath(string setName) => Path.Combine(Directory, FileNames.From(setName) + ".png");

    public async Task<string> WriteAsync(SyntheticSet set, string path, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var dataset = await datasets.LoadAsync(set.Provenance.Dataset, progress, cancellationToken).ConfigureAwait(false);
        var full = Path.GetFullPath(path);
        ImageGrid.WritePng(set.Images, set.Labels, dataset.Info, full, options.Value.MaxImagesPerClass, options.Value.Scale);
        return full;
    }
}
