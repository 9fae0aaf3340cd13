using Distillery.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// One siamese augmentation draw per class: class c's real and synthetic images get the same transform, and each class
/// gets its own, as in the reference, which draws afresh for every class. Applied to batches laid out class after
/// class, so that all classes still go through the network in one forward pass.
/// </summary>
internal sealed class ClassWiseAugmentation : IDisposable
{
    private readonly AugmentationDraw[] _draws;

    private ClassWiseAugmentation(AugmentationDraw[] draws) => _draws = draws;

    /// <summary>Draws <paramref name="classes"/> siamese transforms, class 0 first; none for the <c>none</c> strategy.</summary>
    public static ClassWiseAugmentation Draw(AugmentationStrategy strategy, int classes, long height, long width, Generator generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.IsNone)
        {
            return new ClassWiseAugmentation([]);
        }

        var draws = new AugmentationDraw[classes];
        for (var label = 0; label < classes; label++)
        {
            draws[label] = DifferentiableAugmentation.Draw(strategy, 1, height, width, generator, siamese: true, device);
        }

        return new ClassWiseAugmentation(draws);
    }

    /// <summary>Applies class c's draw to the rows of class c; returns <paramref name="images"/> itself for <c>none</c>.</summary>
    public Tensor Apply(Tensor images, ClassSegments segments)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(segments);
        if (_draws.Length == 0)
        {
            return images;
        }

        if (segments.Classes != _draws.Length || images.shape[0] != segments.Rows)
        {
            throw new ArgumentException(
                $"Drawn for {_draws.Length} classes; got {segments.Classes} classes and {images.shape[0]} rows for {segments.Rows}.",
                nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        var parts = new Tensor[_draws.Length];
        long start = 0;
        for (var label = 0; label < _draws.Length; label++)
        {
            var count = segments.Counts[label];
            parts[label] = _draws[label].Apply(images.narrow(0, start, count));
            start += count;
        }

        return torch.cat(parts, 0).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var draw in _draws)
        {
            draw.Dispose();
        }
    }
}
