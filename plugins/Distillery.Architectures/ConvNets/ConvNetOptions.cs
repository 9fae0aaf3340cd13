using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// The ConvNet built when a variant does not say otherwise (section <c>Architectures:convnet</c>). The defaults are the
/// reference ConvNet-3.
/// </summary>
internal sealed class ConvNetOptions
{
    [Description("Convolution blocks (convolution, normalization, activation, pooling) before the classifier; the reference is 3.")]
    [Range(ConvNetLimits.MinDepth, ConvNetLimits.MaxDepth)]
    public int Depth { get; set; } = ConvNetSettings.Default.Depth;

    [Description("Channels of every convolution; the reference is 128.")]
    [Range(ConvNetLimits.MinWidth, ConvNetLimits.MaxWidth)]
    public int Width { get; set; } = ConvNetSettings.Default.Width;

    [Description("The activation after each normalization; the reference is ReLU.")]
    [EnumDataType(typeof(ActivationKind))]
    public ActivationKind Activation { get; set; } = ConvNetSettings.Default.Activation;

    [Description("The normalization after each convolution; the reference is instance norm.")]
    [EnumDataType(typeof(NormalizationKind))]
    public NormalizationKind Normalization { get; set; } = ConvNetSettings.Default.Normalization;

    [Description("The 2x2 pooling that ends each block; the reference is average pooling.")]
    [EnumDataType(typeof(PoolingKind))]
    public PoolingKind Pooling { get; set; } = ConvNetSettings.Default.Pooling;

    public ConvNetSettings ToSettings() => new(Depth, Width, Activation, Normalization, Pooling);
}
