using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>Scales each pixel's distance from its mean over channels by one factor per image, drawn from [0, s].</summary>
internal sealed class SaturationScale(Tensor factors) : IImageTransform
{
    public static SaturationScale Draw(DrawContext context)
    {
        var factors = context.Uniform(1, 1, 1);
        factors.mul_(context.Settings.Saturation);
        return new SaturationScale(factors);
    }

    public Tensor Apply(Tensor images)
    {
        var mean = images.mean([1], keepdim: true);
        return (images - mean) * factors + mean;
    }

    public void Dispose() => factors.Dispose();
}
