using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Layers;

/// <summary>Builds the activation and pooling layers of a convolutional block.</summary>
internal static class BlockLayers
{
    /// <summary>The slope of <see cref="ActivationKind.LeakyRelu"/> for negative inputs.</summary>
    public const double LeakyReluSlope = 0.01;

    public static nn.Module<Tensor, Tensor> Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.Relu => nn.ReLU(inplace: true),
        ActivationKind.Sigmoid => nn.Sigmoid(),
        ActivationKind.LeakyRelu => nn.LeakyReLU(LeakyReluSlope),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A 2x2, stride 2 pooling layer, or null for <see cref="PoolingKind.None"/>.</summary>
    public static nn.Module<Tensor, Tensor>? Pooling(PoolingKind kind) => kind switch
    {
        PoolingKind.None => null,
        PoolingKind.MaxPooling => nn.MaxPool2d(kernel_size: 2, stride: 2),
        PoolingKind.AvgPooling => nn.AvgPool2d(kernel_size: 2, stride: 2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
