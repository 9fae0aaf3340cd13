using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// One augmentation with its random parameters already drawn, for a batch of the drawn size or, when drawn once
/// for sharing, for a batch of any size. Owns its parameter tensors.
/// </summary>
internal interface IImageTransform : IDisposable
{
    /// <summary>Applies the transform to <c>[N, C, H, W]</c> images, differentiably with respect to them.</summary>
    Tensor Apply(Tensor images);
}
