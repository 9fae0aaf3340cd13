using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>
/// How a set's stored images become the images a network trains on: multi-formation (Kim et al., ICML 2022, "IDC").
/// With factor <c>k</c> every stored image <c>[C, H, W]</c> is cut into a <c>k × k</c> grid of tiles of
/// <c>H/k × W/k</c>, and each tile is upsampled back to <c>H × W</c> (bilinear, corners not aligned), so a stored image
/// gives <c>k²</c> training images, all with its label. Factor 1 is no decoding: the stored images are the training
/// images. The stored budget does not change: a set of 10 images per class stores 10 images per class at the
/// dataset's resolution, whatever the factor. Added in contract 2.3.
/// </summary>
/// <remarks>
/// Decoded images come image after image, and within an image tile after tile in row-major order (top-left,
/// top-right, …): stored image <c>i</c> gives training images <c>i·k² … i·k² + k² − 1</c>. The decoding is
/// differentiable, so a method can learn the stored images through it.
/// </remarks>
public sealed record Formation
{
    /// <summary>The largest factor: beyond it tiles of a 28×28 image are too small to carry a picture.</summary>
    public const int MaxFactor = 4;

    public Formation(int factor)
    {
        if (factor < 1 || factor > MaxFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"A formation factor is 1 to {MaxFactor}.");
        }

        Factor = factor;
    }

    /// <summary>No decoding: each stored image is one training image.</summary>
    public static Formation None { get; } = new(1);

    /// <summary>The number of tiles along each side of a stored image.</summary>
    public int Factor { get; }

    /// <summary>Whether the stored images are the training images as they are.</summary>
    public bool IsNone => Factor == 1;

    /// <summary>Training images per stored image: <c>Factor²</c>.</summary>
    public int ImagesPerStored => Factor * Factor;

    /// <summary>
    /// Why images of <paramref name="height"/> × <paramref name="width"/> cannot be decoded with this factor (a
    /// sentence), or null when they can: both sides must divide by the factor.
    /// </summary>
    public string? Problem(long height, long width) =>
        height % Factor == 0 && width % Factor == 0
            ? null
            : $"images of {height}×{width} do not split into {Factor}×{Factor} tiles of whole pixels; a factor must divide both sides (for 28×28: 1, 2 or 4; for 32×32: 1, 2 or 4).";

    /// <summary>The training images of stored images <c>[N, C, H, W]</c>: <c>[N·k², C, H, W]</c>, differentiable.</summary>
    /// <exception cref="ArgumentException">The images are not <c>[N, C, H, W]</c> or their sides do not divide by the factor.</exception>
    public Tensor Decode(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (IsNone)
        {
            return images.alias();
        }

        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        if (Problem(h, w) is { } problem)
        {
            throw new ArgumentException(problem, nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        var k = Factor;
        // [N, C, k, h/k, k, w/k] → [N, k, k, C, h/k, w/k]: tile (row r, column q) of image i lands at i·k² + r·k + q.
        var tiles = images.reshape(n, c, k, h / k, k, w / k)
            .permute(0, 2, 4, 1, 3, 5)
            .reshape(n * k * k, c, h / k, w / k);
        return nn.functional.interpolate(tiles, size: [h, w], mode: InterpolationMode.Bilinear, align_corners: false)
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Stored images made of whole images, as multi-formation starts from real ones: images <c>[N·k², C, H, W]</c> are
    /// shrunk to <c>H/k × W/k</c> (each tile the mean of a <c>k × k</c> block of pixels) and laid <c>k²</c> to a stored
    /// image, in the order <see cref="Decode"/> gives them back: <c>[N, C, H, W]</c>. Factor 1 returns the images as
    /// they are.
    /// </summary>
    /// <exception cref="ArgumentException">The count does not divide by <c>k²</c>, or the sides by <c>k</c>.</exception>
    public Tensor Compose(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (IsNone)
        {
            return images.alias();
        }

        var (count, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        if (Problem(h, w) is { } problem)
        {
            throw new ArgumentException(problem, nameof(images));
        }

        if (count % ImagesPerStored != 0)
        {
            throw new ArgumentException($"{count} images do not make whole stored images of {ImagesPerStored} tiles each.", nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        var k = Factor;
        var n = count / ImagesPerStored;
        var small = nn.functional.avg_pool2d(images, kernel_size: k, stride: k);
        return small.reshape(n, k, k, c, h / k, w / k)
            .permute(0, 3, 1, 4, 2, 5)
            .reshape(n, c, h, w)
            .contiguous()
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The labels of the decoded images: each row of <paramref name="labels"/> (hard labels <c>[N]</c> or soft labels
    /// <c>[N, classes]</c>) repeated <c>k²</c> times in place.
    /// </summary>
    public Tensor DecodeLabels(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return IsNone ? labels.alias() : labels.repeat_interleave(ImagesPerStored, dim: 0);
    }

    public override string ToString() => IsNone ? "none" : $"multi-formation ×{Factor} ({ImagesPerStored} images per stored image)";
}
