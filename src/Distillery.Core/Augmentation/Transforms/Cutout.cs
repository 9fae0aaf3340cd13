using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// Multiplies each image by a mask that is zero on a square-ish patch (the cutout ratio of its height and width)
/// centred at a random position, which may overhang the border.
/// </summary>
internal sealed class Cutout(Tensor mask) : IImageTransform
{
    public static Cutout Draw(DrawContext context)
    {
        var ratio = context.Settings.CutoutRatio;
        var patchHeight = (long)(context.Height * ratio + 0.5);
        var patchWidth = (long)(context.Width * ratio + 0.5);

        // An even patch can be centred one step past the last row, as in the reference.
        using var rowCentres = context.Integers(0, context.Height + 1 - (patchHeight % 2));
        using var columnCentres = context.Integers(0, context.Width + 1 - (patchWidth % 2));

        using var scope = torch.NewDisposeScope();
        var inRows = Covered(rowCentres, patchHeight, context.Height, context.Device);
        var inColumns = Covered(columnCentres, patchWidth, context.Width, context.Device);
        var patch = inRows.unsqueeze(2).logical_and(inColumns.unsqueeze(1));
        var mask = patch.logical_not().to_type(ScalarType.Float32).unsqueeze(1);
        return new Cutout(mask.MoveToOuterDisposeScope());
    }

    public Tensor Apply(Tensor images) => images * (mask.dtype == images.dtype ? mask : mask.to_type(images.dtype));

    public void Dispose() => mask.Dispose();

    // [draws, size]: whether each position lies in the patch [centre - patch/2, centre - patch/2 + patch).
    private static Tensor Covered(Tensor centres, long patch, long size, Device device)
    {
        var positions = torch.arange(size, dtype: ScalarType.Int64, device: device).unsqueeze(0);
        var start = (centres - patch / 2).unsqueeze(1);
        return positions.ge(start).logical_and(positions.lt(start + patch));
    }
}
