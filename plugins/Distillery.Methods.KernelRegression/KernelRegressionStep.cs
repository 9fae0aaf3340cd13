using System.Globalization;
using Distillery.Augmentation;
using Distillery.Methods;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// One iteration of FRePo: draws a pool network and a real batch from the run's seed and the iteration's number, takes
/// the network's features of the (decoded) synthetic images and of the real batch, predicts the real batch's labels by
/// kernel ridge regression on the synthetic set and its soft labels, and steps the images and label logits down the
/// mean squared error to the real one-hot labels (the network's weights are constants here). Then the network trains
/// on the synthetic set with its current soft labels.
/// </summary>
internal sealed class KernelRegressionStep(DistillationRequest request, KernelRegressionOptions options, AugmentationStrategy strategy)
{
    /// <summary>The loss of an iteration and the pool network it used.</summary>
    public readonly record struct Outcome(double Loss, int Member);

    /// <summary>Runs iteration <paramref name="iteration"/> (1-based).</summary>
    /// <exception cref="UserErrorException">The loss or the updated images or labels are not finite numbers.</exception>
    public Outcome Run(KernelRegressionState state, int iteration)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = torch.NewDisposeScope();
        var device = request.Device;
        using var generator = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "frepo iteration", iteration), device);
        var member = (int)DeviceDraws.Integers(0, state.Pool.Count, [1], generator, device).item<long>();
        var network = state.Pool[member].Network;
        network.train();

        var available = request.Train.Images.shape[0];
        var rows = DeviceDraws.Permutation(available, generator, device).narrow(0, 0, Math.Min(options.BatchReal, available));
        var real = request.Train.Images.index_select(0, rows);
        var targets = nn.functional.one_hot(request.Train.Labels.index_select(0, rows), request.Dataset.NumClasses).to_type(ScalarType.Float32);

        // The regression sees the training images the stored ones decode into; the gradient flows back through the decoding.
        var synthetic = state.Formation.Decode(state.Images);
        var supportTargets = state.Formation.DecodeLabels(state.SoftLabels());
        if (!strategy.IsNone)
        {
            synthetic = DifferentiableAugmentation.Apply(synthetic, strategy, generator, siamese: false);
            real = DifferentiableAugmentation.Apply(real, strategy, generator, siamese: false);
        }

        Tensor realFeatures;
        using (torch.no_grad())
        {
            realFeatures = network.Embed(real);
        }

        var prediction = KernelRidgeRegression.Predict(realFeatures, network.Embed(synthetic), supportTargets, options.Ridge);
        var loss = prediction.sub(targets).square().sum(1).mean();
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            throw Diverged(string.Create(CultureInfo.InvariantCulture, $"the loss became {value} at iteration {iteration}"));
        }

        if (options.LearnLabels)
        {
            var gradients = torch.autograd.grad([loss], [state.Images, state.Logits]);
            state.ImageOptimizer.Step(state.Images, gradients[0]);
            state.LabelOptimizer.Step(state.Logits, gradients[1]);
        }
        else
        {
            var gradient = torch.autograd.grad([loss], [state.Images])[0];
            state.ImageOptimizer.Step(state.Images, gradient);
        }

        if (!state.IsFinite())
        {
            throw Diverged($"after iteration {iteration} the images or the label logits are no longer finite");
        }

        if (options.TrainStepsPerIteration > 0)
        {
            var (images, softTargets) = state.TrainingSet();
            var trainLoss = state.Pool[member].Train(images, softTargets, options.TrainStepsPerIteration);
            if (trainLoss is { } trained && !double.IsFinite(trained))
            {
                throw new UserErrorException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"A pool network diverged while training on the synthetic set at iteration {iteration} (loss {trained}). The state of the last checkpoint is kept; lower {KernelRegressionOptions.Setting(nameof(options.LearningRateNetwork))} " +
                    $"(or {KernelRegressionOptions.Setting(nameof(options.LearningRateImages))}, if the images grew large) and run again to resume from it."));
            }
        }

        return new Outcome(value, member);
    }

    private static UserErrorException Diverged(string what) => new(
        $"FRePo diverged: {what}. The state of the last checkpoint is kept; lower {KernelRegressionOptions.Setting(nameof(KernelRegressionOptions.LearningRateImages))} " +
        $"or {KernelRegressionOptions.Setting(nameof(KernelRegressionOptions.LearningRateLabels))} and run again to resume from it.");
}
