using Distillery.Augmentation.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Augmentation;

/// <summary>
/// Differentiable siamese augmentation: colour, translation, cutout, flip, scale and rotation, each differentiable
/// with respect to the images so that synthetic images can be learned through it. Every random number comes from
/// the CPU generator passed in, so the same generator state gives the same output.
/// </summary>
public static class DifferentiableAugmentation
{
    /// <summary>
    /// Draws the parameters of one call. In <see cref="AugmentationMode.Single"/> mode one operation is drawn from
    /// the strategy first. <paramref name="siamese"/> draws once for the whole batch (a draw that then applies to
    /// any batch of <paramref name="height"/> × <paramref name="width"/> images); otherwise once per image.
    /// </summary>
    public static AugmentationDraw Draw(
        AugmentationStrategy strategy,
        long batchSize,
        long height,
        long width,
        Generator generator,
        bool siamese,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);

        var draws = siamese ? 1 : batchSize;
        var ops = Choose(strategy, generator);
        var context = new DrawContext(draws, height, width, generator, device ?? torch.CPU, strategy.Settings);
        var transforms = new List<IImageTransform>();
        foreach (var op in ops)
        {
            AddTransforms(op, context, transforms);
        }

        return new AugmentationDraw(ops, transforms, draws, siamese, height, width);
    }

    /// <summary>Draws parameters for <paramref name="images"/> and applies them; returns the images themselves for <c>none</c>.</summary>
    public static Tensor Apply(Tensor images, AugmentationStrategy strategy, Generator generator, bool siamese)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.IsNone)
        {
            return images;
        }

        if (images.dim() != 4)
        {
            throw new ArgumentException($"Images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        using var draw = Draw(strategy, images.shape[0], images.shape[2], images.shape[3], generator, siamese, images.device);
        return draw.Apply(images);
    }

    private static IReadOnlyList<AugmentationOp> Choose(AugmentationStrategy strategy, Generator generator)
    {
        if (strategy.IsNone)
        {
            return [];
        }

        if (strategy.Mode == AugmentationMode.Multiple)
        {
            return strategy.Ops;
        }

        // Drawn where the generator lives; which transform to build is decided on the host, so the one index is read back.
        using var index = torch.randint(0, strategy.Ops.Count, [1], dtype: ScalarType.Int64, device: generator.device, generator: generator);
        return [strategy.Ops[(int)index.item<long>()]];
    }

    private static void AddTransforms(AugmentationOp op, DrawContext context, List<IImageTransform> transforms)
    {
        switch (op)
        {
            case AugmentationOp.Color:
                transforms.Add(BrightnessShift.Draw(context));
                transforms.Add(SaturationScale.Draw(context));
                transforms.Add(ContrastScale.Draw(context));
                break;
            case AugmentationOp.Crop:
                transforms.Add(Translation.Draw(context));
                break;
            case AugmentationOp.Cutout:
                transforms.Add(Cutout.Draw(context));
                break;
            case AugmentationOp.Flip:
                transforms.Add(HorizontalFlip.Draw(context));
                break;
            case AugmentationOp.Scale:
                transforms.Add(AffineWarp.DrawScale(context));
                break;
            case AugmentationOp.Rotate:
                transforms.Add(AffineWarp.DrawRotation(context));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown augmentation operation.");
        }
    }
}
