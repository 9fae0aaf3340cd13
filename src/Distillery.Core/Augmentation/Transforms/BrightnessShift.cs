using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>Adds one offset per image, drawn from [-b/2, b/2].</summary>
internal sealed class BrightnessShift(Tensor offsets) : IImageTransform
{
    public static BrightnessShift Draw(DrawContext context)
    {
        var offsets = context.Uniform(1, 1, 1);
        offsets.sub_(0.5).mul_(context.Settings.Brightness);
        return new BrightnessShift(offsets);
    }

    public Tensor Apply(Tensor images) => images + offsets;

    public void Dispose() => offsets.Dispose();
}
