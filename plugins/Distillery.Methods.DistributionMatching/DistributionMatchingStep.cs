using Distillery.Augmentation;
using Distillery.Learning;
using Distillery.Networks;
using Distillery.Randomness;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// One iteration of distribution matching: a freshly initialised network with frozen weights in train mode, a random
/// real batch per class (as many images of each class as <c>realSegments</c> says), a siamese augmentation per class,
/// the mean-embedding loss and one SGD step on the synthetic images. Every random choice derives from the run's seed
/// and the iteration's number.
/// </summary>
internal sealed class DistributionMatchingStep(
    INetworkFactory networks,
    DistillationRequest request,
    AugmentationStrategy strategy,
    ClassBatchSampler sampler,
    ClassSegments realSegments,
    ClassSegments syntheticSegments,
    int forwardChunk = 0,
    Formation? formation = null)
{
    private readonly Formation _formation = formation ?? Formation.None;

    /// <summary>Runs iteration <paramref name="iteration"/> (1-based) and returns its loss averaged over classes.</summary>
    /// <exception cref="UserErrorException">The loss is not a finite number; the images are left untouched.</exception>
    public double Run(DistributionMatchingState state, int iteration)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = torch.NewDisposeScope();
        using var generator = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "dm iteration", iteration), request.Device);
        using var network = CreateFrozenNetwork(iteration);
        var real = sampler.DrawEveryClass(realSegments.Counts, generator);
        var images = state.Images;
        using var augmentation = ClassWiseAugmentation.Draw(
            strategy, syntheticSegments.Classes, images.shape[2], images.shape[3], generator, request.Device);

        // The loss sees the training images the stored ones decode into; the gradient flows back through the decoding.
        var synthetic = _formation.IsNone ? images : _formation.Decode(images);
        var chunk = BatchSlicing.SliceFor(network, request.Device, forwardChunk);
        var loss = MeanEmbeddingDistance.Compute(network, real, realSegments, synthetic, syntheticSegments, augmentation, chunk);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            throw new UserErrorException(
                $"Distribution matching diverged: the loss became {value} at iteration {iteration}. The images of the last " +
                "checkpoint are kept; lower --Methods:dm:LearningRateImages and run again to resume from it.");
        }

        var gradient = torch.autograd.grad([loss], [images])[0];
        state.Optimizer.Step(images, gradient);
        return value / syntheticSegments.Classes;
    }

    private Network CreateFrozenNetwork(int iteration)
    {
        var network = networks.Create(request.Architecture, request.Dataset, SeedSequence.Derive(request.Seed, "dm network", iteration), request.Device);
        network.train();
        foreach (var parameter in network.parameters())
        {
            parameter.requires_grad = false;
        }

        return network;
    }
}
