using Distillery.Augmentation.Transforms;
using static TorchSharp.torch;

namespace Distillery.Augmentation;

/// <summary>
/// The random parameters of one augmentation call, drawn once and applicable again: the operations chosen and,
/// for each, one draw per image or one draw shared by every image (siamese). A shared draw applies the same
/// transform to batches of any size, which is how a distillation method gives its real and synthetic batches
/// the same augmentation. Owns its parameter tensors.
/// </summary>
public sealed class AugmentationDraw : IDisposable
{
    private readonly IReadOnlyList<IImageTransform> _transforms;

    internal AugmentationDraw(IReadOnlyList<AugmentationOp> ops, IReadOnlyList<IImageTransform> transforms, long draws, bool shared, long height, long width)
    {
        Ops = ops;
        _transforms = transforms;
        Draws = draws;
        Shared = shared;
        Height = height;
        Width = width;
    }

    /// <summary>The operations this draw applies, in order (one in <see cref="AugmentationMode.Single"/> mode).</summary>
    public IReadOnlyList<AugmentationOp> Ops { get; }

    /// <summary>Whether one draw serves every image of any batch.</summary>
    public bool Shared { get; }

    /// <summary>The number of parameter draws: 1 when <see cref="Shared"/>, the batch size otherwise.</summary>
    public long Draws { get; }

    public long Height { get; }

    public long Width { get; }

    /// <summary>Applies the drawn augmentation to <c>[N, C, H, W]</c> images; differentiable with respect to them.</summary>
    public Tensor Apply(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[2] != Height || images.shape[3] != Width)
        {
            throw new ArgumentException(
                $"This augmentation was drawn for [N, C, {Height}, {Width}] images; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (!Shared && images.shape[0] != Draws)
        {
            throw new ArgumentException(
                $"This augmentation was drawn per image for {Draws} images; got {images.shape[0]}. Draw it shared to reuse it on other batches.",
                nameof(images));
        }

        var result = images;
        foreach (var transform in _transforms)
        {
            result = transform.Apply(result);
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var transform in _transforms)
        {
            transform.Dispose();
        }
    }
}
