using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>Mirrors the images whose draw fell below the flip probability, left to right.</summary>
internal sealed class HorizontalFlip(Tensor flipped) : IImageTransform
{
    public static HorizontalFlip Draw(DrawContext context)
    {
        using var draws = context.Uniform(1, 1, 1);
        return new HorizontalFlip(draws.lt(context.Settings.FlipProbability));
    }

    public Tensor Apply(Tensor images) => where(flipped, images.flip(3), images);

    public void Dispose() => flipped.Dispose();
}
