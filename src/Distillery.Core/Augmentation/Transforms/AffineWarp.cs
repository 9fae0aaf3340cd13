using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// Resamples each image through a 2×3 affine matrix (<c>affine_grid</c> + bilinear <c>grid_sample</c>, zeros
/// outside): the differentiable scale and rotation.
/// </summary>
internal sealed class AffineWarp(Tensor theta) : IImageTransform
{
    /// <summary>Independent x and y scale factors from [1/r, r].</summary>
    public static AffineWarp DrawScale(DrawContext context)
    {
        var ratio = context.Settings.ScaleRatio;
        using var scope = torch.NewDisposeScope();
        var sx = context.Uniform().mul_(ratio - (1.0 / ratio)).add_(1.0 / ratio);
        var sy = context.Uniform().mul_(ratio - (1.0 / ratio)).add_(1.0 / ratio);
        var zero = torch.zeros_like(sx);
        return new AffineWarp(Matrix(sx, zero, zero, zero, sy, zero).MoveToOuterDisposeScope());
    }

    /// <summary>A rotation by an angle from [-d, d] degrees.</summary>
    public static AffineWarp DrawRotation(DrawContext context)
    {
        var maxRadians = context.Settings.RotateDegrees / 180.0 * Math.PI;
        using var scope = torch.NewDisposeScope();
        var angles = context.Uniform().sub_(0.5).mul_(2 * maxRadians);
        var cos = angles.cos();
        var sin = angles.sin();
        var zero = torch.zeros_like(angles);
        return new AffineWarp(Matrix(cos, -sin, zero, sin, cos, zero).MoveToOuterDisposeScope());
    }

    public Tensor Apply(Tensor images)
    {
        var matrices = theta.dtype == images.dtype ? theta : theta.to_type(images.dtype);
        if (matrices.shape[0] != images.shape[0])
        {
            matrices = matrices.expand(images.shape[0], 2, 3);
        }

        var grid = nn.functional.affine_grid(matrices, images.shape, align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    public void Dispose() => theta.Dispose();

    // [draws, 2, 3] from the six entries, each [draws], row by row.
    private static Tensor Matrix(Tensor a, Tensor b, Tensor c, Tensor d, Tensor e, Tensor f) =>
        torch.stack([a, b, c, d, e, f], dim: 1).view(-1, 2, 3);
}
