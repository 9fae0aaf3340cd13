using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.ResNets;

/// <summary>
/// The reference's CIFAR-style ResNet18: a 3x3 stem of 64 channels, four stages of two <see cref="BasicBlock"/>s
/// (64, 128, 256, 512 channels; the last three stride by 2), 4x4 average pooling and a linear classifier. Instance norm
/// by default, batch norm for the <c>bn</c> variant. Both 28x28 and 32x32 input end as 4x4 maps, so the embedding is 512.
/// </summary>
internal sealed class ResNet18 : Network
{
    private const int FinalPool = 4;
    private static readonly (int Channels, int Stride)[] Stages = [(64, 1), (128, 2), (256, 2), (512, 2)];

    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> bn1;
    private readonly nn.Module<Tensor, Tensor> layer1;
    private readonly nn.Module<Tensor, Tensor> layer2;
    private readonly nn.Module<Tensor, Tensor> layer3;
    private readonly nn.Module<Tensor, Tensor> layer4;
    private readonly nn.Module<Tensor, Tensor> classifier;
    private readonly int embeddingSize;

    public ResNet18(FeatureShape input, int numClasses, NormalizationKind normalization = NormalizationKind.InstanceNorm)
        : base(nameof(ResNet18))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        Normalization = normalization;
        var stem = Stages[0].Channels;
        conv1 = nn.Conv2d(input.Channels, stem, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn1 = BasicBlock.Norm(normalization, stem);
        var shape = input.Convolved(stem, kernel: 3, padding: 1);

        var layers = new nn.Module<Tensor, Tensor>[Stages.Length];
        for (var s = 0; s < Stages.Length; s++)
        {
            var (channels, stride) = Stages[s];
            layers[s] = nn.Sequential(
                new BasicBlock(shape.Channels, channels, stride, normalization),
                new BasicBlock(channels, channels, 1, normalization));
            shape = shape.Convolved(channels, kernel: 3, padding: 1, stride: stride);
        }

        (layer1, layer2, layer3, layer4) = (layers[0], layers[1], layers[2], layers[3]);
        shape = shape.Pooled(FinalPool, FinalPool);
        if (!shape.IsValid)
        {
            throw new UserErrorException($"ResNet18 needs at least 25x25 input, not {input}: its features would be {shape}.");
        }

        embeddingSize = checked((int)shape.Size);
        classifier = nn.Linear(embeddingSize, numClasses);
        RegisterComponents();
    }

    public NormalizationKind Normalization { get; }

    public override int EmbeddingSize => embeddingSize;

    public override Tensor Embed(Tensor input)
    {
        using var stem = conv1.call(input);
        using var normalized = bn1.call(stem);
        normalized.relu_();
        using var stage1 = layer1.call(normalized);
        using var stage2 = layer2.call(stage1);
        using var stage3 = layer3.call(stage2);
        using var stage4 = layer4.call(stage3);
        using var pooled = nn.functional.avg_pool2d(stage4, FinalPool);
        return pooled.flatten(1);
    }

    public override Tensor Classify(Tensor embedding) => classifier.call(embedding);
}
