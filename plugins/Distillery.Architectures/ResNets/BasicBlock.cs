using Distillery.Architectures.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.ResNets;

/// <summary>
/// A residual block of two 3x3 convolutions (no bias), each followed by a normalization; the first may stride by 2.
/// When the shape changes, the shortcut is a strided 1x1 convolution and a normalization; otherwise it is the identity.
/// </summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> bn1;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor> bn2;
    private readonly nn.Module<Tensor, Tensor>? shortcut;

    public BasicBlock(long inChannels, long channels, long stride, NormalizationKind normalization)
        : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, channels, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = Norm(normalization, channels);
        conv2 = nn.Conv2d(channels, channels, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn2 = Norm(normalization, channels);
        if (stride != 1 || inChannels != channels)
        {
            shortcut = nn.Sequential(
                nn.Conv2d(inChannels, channels, kernel_size: 1, stride: stride, bias: false),
                Norm(normalization, channels));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var first = conv1.call(input);
        using var normalized = bn1.call(first);
        normalized.relu_();
        using var second = conv2.call(normalized);
        var output = bn2.call(second);
        if (shortcut is null)
        {
            output.add_(input);
        }
        else
        {
            using var projected = shortcut.call(input);
            output.add_(projected);
        }

        output.relu_();
        return output;
    }

    internal static nn.Module<Tensor, Tensor> Norm(NormalizationKind normalization, long channels) =>
        NormalizationLayers.ForChannels(normalization, channels)
        ?? throw new ArgumentException("A ResNet needs a normalization.", nameof(normalization));
}
