using Distillery.Architectures.Layers;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// The ConvNet of the dataset-condensation literature: <c>Depth</c> blocks of [3x3 convolution, normalization,
/// activation, 2x2 pooling], then a linear classifier on the flattened features. As in the reference, the first
/// convolution pads single-channel input by 3 instead of 1, so 28x28 images are seen as 32x32 and the default network's
/// embedding is 4x4x128 = 2048 for both 1x28x28 and 3x32x32 input. Parameter names follow the reference
/// (<c>features.0.weight</c>, ..., <c>classifier.weight</c>).
/// </summary>
internal sealed class ConvNet : Network
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;
    private readonly int embeddingSize;

    public ConvNet(ConvNetSettings settings, FeatureShape input, int numClasses)
        : base(nameof(ConvNet))
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        Settings = settings;

        var layers = new List<nn.Module<Tensor, Tensor>>();
        var shape = input;
        for (var d = 0; d < settings.Depth; d++)
        {
            var padding = d == 0 && input.Channels == 1 ? 3 : 1;
            layers.Add(nn.Conv2d(shape.Channels, settings.Width, kernel_size: 3, padding: padding));
            shape = shape.Convolved(settings.Width, kernel: 3, padding: padding);
            if (NormalizationLayers.Create(settings.Normalization, shape) is { } norm)
            {
                layers.Add(norm);
            }

            layers.Add(BlockLayers.Activation(settings.Activation));
            if (BlockLayers.Pooling(settings.Pooling) is { } pooling)
            {
                layers.Add(pooling);
                shape = shape.Pooled(kernel: 2, stride: 2);
            }

            if (!shape.IsValid)
            {
                throw new UserErrorException(
                    $"ConvNet {settings.Name} is too deep for {input} input: block {d + 1} leaves a {shape} feature map. " +
                    "Use a smaller depth or no pooling.");
            }
        }

        embeddingSize = checked((int)shape.Size);
        features = nn.Sequential(layers);
        classifier = nn.Linear(embeddingSize, numClasses);
        RegisterComponents();
    }

    public ConvNetSettings Settings { get; }

    public override int EmbeddingSize => embeddingSize;

    public override Tensor Embed(Tensor input)
    {
        using var map = features.call(input);
        return map.flatten(1);
    }

    public override Tensor Classify(Tensor embedding) => classifier.call(embedding);
}
