using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Layers;

/// <summary>
/// Builds normalization layers with their affine parameters set to ones and zeros. TorchSharp's <c>GroupNorm</c> leaves
/// them uninitialised, so every norm layer here is initialised explicitly.
/// </summary>
internal static class NormalizationLayers
{
    /// <summary>The number of groups of <see cref="NormalizationKind.GroupNorm"/>.</summary>
    public const int GroupNormGroups = 4;

    /// <summary>The layer for <paramref name="kind"/> after a convolution with output <paramref name="shape"/>, or null for none.</summary>
    public static nn.Module<Tensor, Tensor>? Create(NormalizationKind kind, FeatureShape shape) => kind switch
    {
        NormalizationKind.None => null,
        NormalizationKind.BatchNorm => BatchNorm(shape.Channels),
        NormalizationKind.LayerNorm => LayerNorm(shape),
        NormalizationKind.InstanceNorm => InstanceNorm(shape.Channels),
        NormalizationKind.GroupNorm => GroupNorm(GroupNormGroups, shape.Channels),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// A per-channel normalization (batch, instance, group, or none) for <paramref name="channels"/> channels. Layer
    /// normalization needs the whole feature shape: use <see cref="Create"/>.
    /// </summary>
    public static nn.Module<Tensor, Tensor>? ForChannels(NormalizationKind kind, long channels) => kind switch
    {
        NormalizationKind.LayerNorm => throw new ArgumentException("Layer normalization needs the feature shape.", nameof(kind)),
        _ => Create(kind, new FeatureShape(channels, 1, 1)),
    };

    /// <summary>Instance normalization as group normalization with one group per channel, affine.</summary>
    public static nn.Module<Tensor, Tensor> InstanceNorm(long channels) => GroupNorm(channels, channels);

    public static nn.Module<Tensor, Tensor> GroupNorm(long groups, long channels)
    {
        var norm = nn.GroupNorm(groups, channels, affine: true);
        ResetAffine(norm.weight, norm.bias);
        return norm;
    }

    public static nn.Module<Tensor, Tensor> BatchNorm(long channels)
    {
        var norm = nn.BatchNorm2d(channels, affine: true);
        ResetAffine(norm.weight, norm.bias);
        return norm;
    }

    public static nn.Module<Tensor, Tensor> LayerNorm(FeatureShape shape)
    {
        var norm = nn.LayerNorm([shape.Channels, shape.Height, shape.Width], elementwise_affine: true);
        ResetAffine(norm.weight, norm.bias);
        return norm;
    }

    private static void ResetAffine(Tensor? weight, Tensor? bias)
    {
        using var noGrad = torch.no_grad();
        weight?.fill_(1);
        bias?.zero_();
    }
}
