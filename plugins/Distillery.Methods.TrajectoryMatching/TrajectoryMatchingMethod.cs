using System.Globalization;
using Distillery.Learning;
using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Methods.TrajectoryMatching.Matching;
using Distillery.Networks;
using Distillery.Randomness;
using Distillery.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching;

/// <summary>
/// Matching training trajectories: gets the experts (stored, or trained and stored first), then every iteration starts
/// a student at one expert's weights at a random epoch up to <see cref="TrajectoryMatchingOptions.MaxStartEpoch"/>,
/// lets it take <see cref="TrajectoryMatchingOptions.SyntheticSteps"/> SGD steps on the synthetic set, and moves the
/// images and the student learning rate down the gradient of the distance between the student's end and the expert's
/// weights <see cref="TrajectoryMatchingOptions.ExpertEpochs"/> later. The learning rate is kept with the set, so
/// evaluation trains with it. Checkpoints like <c>dm</c>: every <see cref="TrajectoryMatchingOptions.CheckpointEvery"/>
/// iterations and after the iteration in progress when stopped.
/// </summary>
internal abstract class TrajectoryMatchingMethod(
    string name, INetworkFactory networks, ExpertTrajectories experts, TrajectoryMatchingOptions settings, ITrajectoryGradient gradient) : IDistillationMethod
{
    public async Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = settings.ParseAugmentation();
        settings.ParseExpertAugmentation();
        var formation = FormationSetting.Resolve(request, settings.Factor, settings.Setting(nameof(settings.Factor)));
        var started = DateTimeOffset.UtcNow;
        var functional = Compile(request);

        using (var pool = await experts.PrepareAsync(request, settings, functional.Layout, name, cancellationToken).ConfigureAwait(false))
        {
            using var state = await LoadOrInitialiseAsync(request, cancellationToken).ConfigureAwait(false);
            using var task = request.Progress.Start($"{name}: matching {Counted.ImagesPerClass(request.ImagesPerClass)}", settings.Iterations);
            task.Advance(Math.Min(state.Completed, settings.Iterations));
            double? loss = null;
            var saved = state.Completed;
            try
            {
                while (state.Completed < settings.Iterations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var iteration = state.Completed + 1;
                    loss = Iterate(request, functional, pool, strategy, formation, state, iteration);
                    state.Completed = iteration;
                    task.Advance();
                    task.Describe(string.Create(
                        CultureInfo.InvariantCulture, $"{name}: iteration {iteration}/{settings.Iterations}, loss {loss:F4}, lr {state.Rate:G4}"));

                    if (iteration % settings.CheckpointEvery == 0)
                    {
                        await request.Checkpoints.SaveAsync(state.ToCheckpoint(), cancellationToken).ConfigureAwait(false);
                        saved = iteration;
                    }

                    await request.Snapshots.OfferAsync(
                        iteration, state.Images, state.Labels, formation, softLabels: null, state.Rate, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
            {
                throw await StopCheckpoint.KeepAsync(
                    request.Checkpoints, state.Completed, saved, state.IsSound(), state.ToCheckpoint, stop, cancellationToken, "every expert").ConfigureAwait(false);
            }

            return ToSet(request, state, pool, formation, loss, started);
        }
    }

    private FunctionalNetwork Compile(DistillationRequest request)
    {
        using var network = networks.Create(request.Architecture, request.Dataset, SeedSequence.Derive(request.Seed, "trajectory matching layout"), request.Device);
        return FunctionalNetwork.Compile(network, request.Architecture, request.Dataset, request.Device);
    }

    /// <summary>Runs iteration <paramref name="iteration"/> (1-based) and returns its matching loss.</summary>
    /// <exception cref="UserErrorException">The step diverged; the state is left as it was.</exception>
    private double Iterate(
        DistillationRequest request,
        FunctionalNetwork functional,
        ExpertPool pool,
        Augmentation.AugmentationStrategy strategy,
        Formation formation,
        TrajectoryMatchingState state,
        int iteration)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = DeviceDraws.Generator(SeedSequence.Derive(request.Seed, "trajectory matching iteration", iteration), request.Device);
        var expert = DeviceDraws.Integers(0, pool.Trajectories.Count, [1], generator, request.Device).item<long>();
        var startEpoch = DeviceDraws.Integers(0, settings.MaxStartEpoch + 1, [1], generator, request.Device).item<long>();
        var trajectory = pool.Trajectories[(int)expert];
        var start = trajectory[startEpoch];
        var target = trajectory[startEpoch + settings.ExpertEpochs];
        var images = state.Images;
        // The student trains on the decoded images; the gradient with respect to them flows back through the decoding
        // to the stored ones (with factor 1 the two are the same tensor).
        var stored = formation.IsNone ? images : images.detach().requires_grad_(true);
        var decoded = formation.IsNone ? images : formation.Decode(stored);
        var studentImages = formation.IsNone ? images : decoded.detach().requires_grad_(true);
        var labels = formation.IsNone ? state.Labels : formation.DecodeLabels(state.Labels);
        using var plan = StudentPlan.Draw(
            decoded.shape[0], settings.BatchSyn, settings.SyntheticSteps, strategy, decoded.shape[2], decoded.shape[3], generator, request.Device);
        using var result = gradient.Compute(functional, start, target, studentImages, labels, state.LearningRate, plan);
        if (!result.IsFinite())
        {
            throw Diverged(string.Create(CultureInfo.InvariantCulture, $"the matching loss or its gradient became {result.Loss} at iteration {iteration}"));
        }

        var imageGradient = formation.IsNone ? result.Images : torch.autograd.grad([decoded], [stored], [result.Images])[0];
        state.ImageOptimizer.Step(images, imageGradient);
        state.RateOptimizer.Step(state.LearningRate, result.LearningRate);
        if (!state.IsSound())
        {
            throw Diverged(string.Create(
                CultureInfo.InvariantCulture, $"after iteration {iteration} the images or the student learning rate ({state.Rate:G4}) are no longer usable"));
        }

        return result.Loss;
    }

    private UserErrorException Diverged(string what) => new(
        $"Trajectory matching diverged: {what}. The state of the last checkpoint is kept; lower {settings.Setting(nameof(settings.LearningRateImages))} " +
        $"or {settings.Setting(nameof(settings.LearningRateLr))} and run again to resume from it.");

    private async Task<TrajectoryMatchingState> LoadOrInitialiseAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        using var checkpoint = await request.Checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is null
            ? TrajectoryMatchingState.Initialise(request, settings)
            : TrajectoryMatchingState.Restore(checkpoint, request, settings);
    }

    private SyntheticSet ToSet(
        DistillationRequest request, TrajectoryMatchingState state, ExpertPool pool, Formation formation, double? loss, DateTimeOffset started)
    {
        var metrics = new Dictionary<string, double>
        {
            ["iterations"] = state.Completed,
            ["learning_rate"] = state.Rate,
            ["experts"] = pool.Trajectories.Count,
            ["experts_trained"] = pool.Trained,
            ["expert_seconds"] = pool.TrainingSeconds,
        };
        var provenance = LearnedSetProvenance.Create(request, name, settings, metrics, loss, started);
        return new SyntheticSet(state.Images.detach().clone(), state.Labels.clone(), provenance) { LearnedLearningRate = state.Rate, Formation = formation };
    }
}
