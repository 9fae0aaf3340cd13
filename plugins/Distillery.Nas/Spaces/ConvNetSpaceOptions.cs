using System.ComponentModel;

namespace Distillery.Nas.Spaces;

/// <summary>
/// Which values of each dimension the ConvNet space takes; each list left out takes every value (depth 1–4, width
/// 32/64/128/256, three activations, five normalizations, three poolings: 720 candidates).
/// </summary>
internal sealed class ConvNetSpaceOptions
{
    [Description("Depths (convolution blocks), from 1, 2, 3, 4. Default: all.")]
    public int[]? Depths { get; set; }

    [Description("Widths (channels per block), from 32, 64, 128, 256. Default: all.")]
    public int[]? Widths { get; set; }

    [Description("Activations, from sigmoid, relu, leakyrelu. Default: all.")]
    public string[]? Activations { get; set; }

    [Description("Normalizations, from nonorm, batchnorm, layernorm, instancenorm, groupnorm. Default: all.")]
    public string[]? Normalizations { get; set; }

    [Description("Poolings, from nopool, maxpool, avgpool. Default: all.")]
    public string[]? Poolings { get; set; }
}
