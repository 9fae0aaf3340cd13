using Distillery.Learning;
using Distillery.Methods.GradientMatching.Distances;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// One class step of gradient matching: the gradient of the loss with respect to the network's parameters on a real
/// batch and on the class's synthetic images, the distance between them, and that distance's gradient with respect
/// to the synthetic images. The real gradient is a constant target (first order, detached); only the synthetic one
/// keeps a graph, and the final gradient is taken with respect to the images alone, so no parameter gradient of the
/// matching loss is computed.
/// </summary>
/// <remarks>
/// With a multi-formation <see cref="Formation"/>, a class's stored images are decoded before they enter the network,
/// and the gradient is taken with respect to the stored images through the decoding.
/// </remarks>
internal sealed class GradientMatcher(IGradientDistance distance, Formation? formation = null)
{
    private readonly Formation _formation = formation ?? Formation.None;

    /// <summary>
    /// Matches one class and adds the gradient of the distance with respect to <paramref name="synthetic"/> to
    /// <paramref name="imageGradient"/> (a tensor of its shape, e.g. the class's rows of the whole gradient). <paramref name="synthetic"/> must be part of the graph of the images being
    /// learned (the class's slice of them). Returns the distance.
    /// </summary>
    public double MatchClass(
        Network network,
        IList<Tensor> parameters,
        Tensor real,
        Tensor synthetic,
        long label,
        SiameseAugmentation? augmentation,
        Tensor imageGradient)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(imageGradient);
        using var scope = torch.NewDisposeScope();
        var decoded = _formation.IsNone ? synthetic : _formation.Decode(synthetic);
        var (realInput, syntheticInput) = augmentation?.Apply(real, decoded) ?? (real, decoded);

        var realLoss = nn.functional.cross_entropy(network.call(realInput), Labels(real.shape[0], label, real.device));
        var realGradient = torch.autograd.grad([realLoss], parameters).Select(g => g.detach()).ToList();

        var syntheticLoss = nn.functional.cross_entropy(network.call(syntheticInput), Labels(decoded.shape[0], label, synthetic.device));
        var syntheticGradient = torch.autograd.grad([syntheticLoss], parameters, retain_graph: true, create_graph: true);

        var matching = distance.Measure(syntheticGradient.ToList(), realGradient);
        var gradient = torch.autograd.grad([matching], [synthetic])[0];
        using (torch.no_grad())
        {
            imageGradient.add_(gradient);
        }

        return matching.item<float>();
    }

    /// <summary>
    /// One matching step over every class: for class <c>c</c>, a real batch of <paramref name="batchReal"/> images
    /// against rows <c>c·ipc … (c+1)·ipc − 1</c> of <paramref name="images"/>, with one siamese draw per class when
    /// <paramref name="augmentation"/> is given. Adds the gradient of the summed distance to
    /// <paramref name="imageGradient"/> and returns the summed distance; the images are not changed.
    /// </summary>
    public double MatchClasses(
        Network network,
        IList<Tensor> parameters,
        ClassBatchSampler sampler,
        Tensor images,
        int imagesPerClass,
        int batchReal,
        Generator realDraws,
        SiameseAugmentation? augmentation,
        Tensor imageGradient)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(images);
        var classes = (int)(images.shape[0] / imagesPerClass);
        double total = 0;
        for (var label = 0; label < classes; label++)
        {
            using var scope = torch.NewDisposeScope();
            var real = sampler.Draw(label, batchReal, realDraws);
            var rows = (long)label * imagesPerClass;
            var synthetic = images.narrow(0, rows, imagesPerClass);
            total += MatchClass(network, parameters, real, synthetic, label, augmentation, imageGradient.narrow(0, rows, imagesPerClass));
        }

        return total;
    }

    private static Tensor Labels(long count, long label, Device device) =>
        torch.full([count], label, dtype: ScalarType.Int64, device: device);
}
