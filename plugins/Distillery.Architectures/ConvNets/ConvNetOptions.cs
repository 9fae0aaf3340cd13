using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// The ConvNet built when a variant does not say otherwise (section <c>Architectures:convnet</c>). The defaults are the
/// reference ConvNet-3.
/// </summary>
internal sealed class ConvNetOptions
{
    [Range(ConvNetLimits.MinDepth, ConvNetLimits.MaxDepth)]
    public int Depth { get; set; } = ConvNetSettings.Default.Depth;

    [Range(ConvNetLimits.MinWidth, ConvNetLimits.MaxWidth)]
    public int Width { get; set; } = ConvNetSettings.Default.Width;

    [EnumDataType(typeof(ActivationKind))]
    public ActivationKind Activation { get; set; } = ConvNetSettings.Default.Activation;

    [EnumDataType(typeof(NormalizationKind))]
    public NormalizationKind Normalization { get; set; } = ConvNetSettings.Default.Normalization;

    [EnumDataType(typeof(PoolingKind))]
    public PoolingKind Pooling { get; set; } = ConvNetSettings.Default.Pooling;

    public ConvNetSettings ToSettings() => new(Depth, Width, Activation, Normalization, Pooling);
}
