using Distillery.Data;
using Distillery.Methods;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Exchange;

/// <summary>
/// Refuses a set that cannot train a network of its dataset: no images, values that are not finite, a label outside the
/// dataset's classes, a class with no image, images of another shape, soft labels of another width. Each refusal says
/// what was found and what was expected.
/// </summary>
public static class SetContentCheck
{
    /// <summary>Checks <paramref name="set"/> from <paramref name="source"/>; against <paramref name="dataset"/> when known.</summary>
    public static void Check(SyntheticSet set, string source, DatasetInfo? dataset)
    {
        ArgumentNullException.ThrowIfNull(set);
        using var scope = torch.NewDisposeScope();
        var count = set.Images.shape[0];
        if (count == 0)
        {
            throw new UserErrorException($"{source} holds no images: a set needs at least one image per class.");
        }

        var finite = set.Images.isfinite().reshape(count, -1).all(1);
        if (!finite.all().item<bool>())
        {
            var bad = (~finite).nonzero().reshape(-1);
            throw new UserErrorException(
                $"{source} has {bad.shape[0]} of {count} images with NaN or infinite values (the first is image {bad[0].item<long>()}); " +
                "such a set trains nothing. Export the images again, or drop those rows.");
        }

        if (set.SoftLabels is { } soft && !soft.isfinite().all().item<bool>())
        {
            throw new UserErrorException($"{source} has soft labels with NaN or infinite values.");
        }

        var labels = set.Labels.cpu().to(ScalarType.Int64).data<long>().ToArray();
        var (low, high) = (labels.Min(), labels.Max());
        if (low < 0)
        {
            throw new UserErrorException($"{source} has labels from {low} to {high}; labels count classes from 0.");
        }

        if (dataset is null)
        {
            return;
        }

        var classes = dataset.NumClasses;
        if (high >= classes)
        {
            throw new UserErrorException(
                $"{source} has labels from {low} to {high}, but {dataset.Name} has {classes} classes (labels 0 to {classes - 1}).");
        }

        var shape = set.Images.shape[1..];
        long[] expected = [dataset.Channels, dataset.Height, dataset.Width];
        if (!shape.SequenceEqual(expected))
        {
            throw new UserErrorException(
                $"{source} has images of {string.Join("×", shape)}, but {dataset.Name} images are {string.Join("×", expected)} (channels × height × width). " +
                "Import it for the dataset it was made from (--dataset).");
        }

        if (set.SoftLabels is { } softLabels && softLabels.shape[1] != classes)
        {
            throw new UserErrorException($"{source} has soft labels over {softLabels.shape[1]} classes, but {dataset.Name} has {classes}.");
        }

        var missing = Enumerable.Range(0, classes).Where(label => !labels.Contains(label)).ToList();
        if (missing.Count > 0)
        {
            throw new UserErrorException(
                $"{source} has no image of {(missing.Count == 1 ? "class" : "classes")} {string.Join(", ", missing.Select(l => $"{l} ('{dataset.ClassNames[l]}')"))} " +
                $"of {dataset.Name}: a set needs images of every class.");
        }
    }
}
