using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// Shifts each image by whole pixels, up to the pad ratio of its height and width in each direction; pixels that
/// come in from outside are zero. Implemented as a gather from the zero-padded images, so gradients reach every
/// pixel that stays in view.
/// </summary>
internal sealed class Translation(Tensor rowIndices, Tensor columnIndices) : IImageTransform
{
    public static Translation Draw(DrawContext context)
    {
        var ratio = context.Settings.CropPadRatio;
        var maxRowShift = (long)(context.Height * ratio + 0.5);
        var maxColumnShift = (long)(context.Width * ratio + 0.5);
        using var rowShifts = context.Integers(-maxRowShift, maxRowShift + 1);
        using var columnShifts = context.Integers(-maxColumnShift, maxColumnShift + 1);
        return new Translation(
            PaddedIndices(rowShifts, context.Height, context.Device),
            PaddedIndices(columnShifts, context.Width, context.Device));
    }

    public Tensor Apply(Tensor images)
    {
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var draws = rowIndices.shape[0];
        var padded = nn.functional.pad(images, [1, 1, 1, 1]);
        var rows = padded.gather(2, rowIndices.view(draws, 1, h, 1).expand(n, c, h, w + 2));
        return rows.gather(3, columnIndices.view(draws, 1, 1, w).expand(n, c, h, w));
    }

    public void Dispose()
    {
        rowIndices.Dispose();
        columnIndices.Dispose();
    }

    // For each draw, the source index of every output position in the image padded by one zero on each side:
    // position i reads i + shift, or the zero border once that falls outside.
    private static Tensor PaddedIndices(Tensor shifts, long size, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var positions = torch.arange(size, dtype: ScalarType.Int64, device: device).unsqueeze(0);
        return (positions + shifts.unsqueeze(1) + 1).clamp_(0, size + 1).MoveToOuterDisposeScope();
    }
}
