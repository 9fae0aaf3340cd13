namespace Distillery.Architectures.Layers;

/// <summary>The normalization layer that follows a convolution.</summary>
internal enum NormalizationKind
{
    /// <summary>No normalization.</summary>
    None,

    /// <summary>Batch normalization over each channel, with running statistics.</summary>
    BatchNorm,

    /// <summary>Layer normalization over the whole <c>[C, H, W]</c> feature map, with an element-wise affine.</summary>
    LayerNorm,

    /// <summary>Instance normalization: group normalization with one group per channel, affine.</summary>
    InstanceNorm,

    /// <summary>Group normalization with four groups, affine.</summary>
    GroupNorm,
}
