using System.Globalization;
using Distillery.Learning;
using Distillery.Networks;
using Distillery.Text;
using Microsoft.Extensions.Options;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Distribution matching (Zhao &amp; Bilen, WACV 2023): learns synthetic images whose mean embedding under randomly
/// initialised networks matches that of the real images, class by class. Checkpoints the images and the optimizer
/// state every <see cref="DistributionMatchingOptions.CheckpointEvery"/> iterations, and after the iteration in progress
/// when cancelled, and resumes from the last one.
/// </summary>
internal sealed class DistributionMatchingMethod(INetworkFactory networks, IOptions<DistributionMatchingOptions> options) : IDistillationMethod
{
    public const string Name = "dm";

    public async Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var strategy = settings.ParseAugmentation();
        var formation = FormationSetting.Resolve(request, settings.Factor, "Methods:dm:Factor");
        var started = DateTimeOffset.UtcNow;

        using var sampler = new ClassBatchSampler(request.Train);
        using var realSegments = new ClassSegments(sampler.CountsPerClass(settings.BatchReal), request.Train.Images.device);
        using var state = await LoadOrInitialiseAsync(request, settings, cancellationToken).ConfigureAwait(false);
        using var syntheticSegments = new ClassSegments(
            Enumerable.Repeat((long)request.ImagesPerClass * formation.ImagesPerStored, request.Dataset.NumClasses).ToArray(), request.Device);
        var step = new DistributionMatchingStep(networks, request, strategy, sampler, realSegments, syntheticSegments, settings.ForwardChunk, formation);

        using var task = request.Progress.Start($"{Name}: matching {Counted.ImagesPerClass(request.ImagesPerClass)}", settings.Iterations);
        task.Advance(Math.Min(state.Completed, settings.Iterations));
        double? loss = null;
        var saved = state.Completed;
        try
        {
            while (state.Completed < settings.Iterations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var iteration = state.Completed + 1;
                loss = step.Run(state, iteration);
                state.Completed = iteration;
                task.Advance();
                task.Describe(string.Create(CultureInfo.InvariantCulture, $"{Name}: iteration {iteration}/{settings.Iterations}, loss {loss:F4}"));

                if (iteration % settings.CheckpointEvery == 0)
                {
                    if (!state.IsFinite())
                    {
                        throw new UserErrorException(
                            $"Distribution matching diverged: the synthetic images are no longer finite after iteration {iteration}. " +
                            "The images of the last checkpoint are kept; lower --Methods:dm:LearningRateImages and run again to resume from it.");
                    }

                    await request.Checkpoints.SaveAsync(state.ToCheckpoint(), cancellationToken).ConfigureAwait(false);
                    saved = iteration;
                }

                await request.Snapshots.OfferAsync(iteration, state.Images, state.Labels, formation, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
        {
            throw await StopCheckpoint.KeepAsync(
                request.Checkpoints, state.Completed, saved, state.IsFinite(), state.ToCheckpoint, stop, cancellationToken).ConfigureAwait(false);
        }

        return ToSet(request, settings, state, loss, started);
    }

    private static async Task<DistributionMatchingState> LoadOrInitialiseAsync(
        DistillationRequest request, DistributionMatchingOptions settings, CancellationToken cancellationToken)
    {
        using var checkpoint = await request.Checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is null
            ? DistributionMatchingState.Initialise(request, settings)
            : DistributionMatchingState.Restore(checkpoint, request, settings);
    }

    private static SyntheticSet ToSet(
        DistillationRequest request, DistributionMatchingOptions settings, DistributionMatchingState state, double? loss, DateTimeOffset started)
    {
        var metrics = new Dictionary<string, double> { ["iterations"] = state.Completed };
        var provenance = LearnedSetProvenance.Create(request, Name, settings, metrics, loss, started);
        return new SyntheticSet(state.Images.detach().clone(), state.Labels.clone(), provenance) { Formation = new Formation(settings.Factor) };
    }
}
