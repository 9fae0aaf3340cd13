using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>Scales each pixel's distance from its image's mean by one factor per image, drawn from [c, c + 1].</summary>
internal sealed class ContrastScale(Tensor factors) : IImageTransform
{
    public static ContrastScale Draw(DrawContext context)
    {
        var factors = context.Uniform(1, 1, 1);
        factors.add_(context.Settings.Contrast);
        return new ContrastScale(factors);
    }

    public Tensor Apply(Tensor images)
    {
        var mean = images.mean([1, 2, 3], keepdim: true);
        return (images - mean) * factors + mean;
    }

    public void Dispose() => factors.Dispose();
}
