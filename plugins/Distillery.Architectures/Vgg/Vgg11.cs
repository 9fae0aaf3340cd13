using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.Vgg;

/// <summary>
/// The reference VGG11: 3x3 convolutions of 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M (M: 2x2 max pooling),
/// each followed by a normalization (instance norm by default, batch norm for the <c>bn</c> variant) and ReLU, then a
/// linear classifier. The first convolution pads single-channel input by 3, so 28x28 images are seen as 32x32.
/// </summary>
internal sealed class Vgg11 : Network
{
    private const int MaxPool = 0;

    private static readonly int[] Configuration = [64, MaxPool, 128, MaxPool, 256, 256, MaxPool, 512, 512, MaxPool, 512, 512, MaxPool];

    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;
    private readonly int embeddingSize;

    public Vgg11(FeatureShape input, int numClasses, NormalizationKind normalization = NormalizationKind.InstanceNorm)
        : base(nameof(Vgg11))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        Normalization = normalization;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var shape = input;
        for (var i = 0; i < Configuration.Length; i++)
        {
            if (Configuration[i] == MaxPool)
            {
                layers.Add(nn.MaxPool2d(kernel_size: 2, stride: 2));
                shape = shape.Pooled(2, 2);
                continue;
            }

            var padding = i == 0 && input.Channels == 1 ? 3 : 1;
            layers.Add(nn.Conv2d(shape.Channels, Configuration[i], kernel_size: 3, padding: padding));
            shape = shape.Convolved(Configuration[i], kernel: 3, padding: padding);
            if (NormalizationLayers.ForChannels(normalization, Configuration[i]) is { } norm)
            {
                layers.Add(norm);
            }

            layers.Add(nn.ReLU(inplace: true));
        }

        if (!shape.IsValid)
        {
            throw new UserErrorException($"VGG11 needs at least 32x32 input, not {input}: its features would be {shape}.");
        }

        embeddingSize = checked((int)shape.Size);
        features = nn.Sequential(layers);
        classifier = nn.Linear(embeddingSize, numClasses);
        RegisterComponents();
    }

    public NormalizationKind Normalization { get; }

    public override int EmbeddingSize => embeddingSize;

    public override Tensor Embed(Tensor input)
    {
        using var map = features.call(input);
        return map.flatten(1);
    }

    public override Tensor Classify(Tensor embedding) => classifier.call(embedding);
}
