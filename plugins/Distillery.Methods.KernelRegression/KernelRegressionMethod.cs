using System.Globalization;
using Distillery.Learning;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Text;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// FRePo, kernel ridge regression on learned features (Zhou, Nezhadarya &amp; Ba, NeurIPS 2022): learns synthetic images
/// and their soft labels so that kernel ridge regression on the features of a pool of networks, fitted to the synthetic
/// set, predicts the labels of real batches; the pool networks train on the synthetic set as it goes and are replaced
/// when old. The set keeps the learned soft labels. Checkpoints like <c>dm</c>: every
/// <see cref="KernelRegressionOptions.CheckpointEvery"/> iterations and after the iteration in progress when stopped.
/// </summary>
internal sealed class KernelRegressionMethod(INetworkFactory networks, IOptions<KernelRegressionOptions> options) : IDistillationMethod
{
    public const string Name = "frepo";

    public async Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var strategy = settings.ParseAugmentation();
        var formation = FormationSetting.Resolve(request, settings.Factor, $"{KernelRegressionOptions.Section}:{nameof(settings.Factor)}");
        var started = DateTimeOffset.UtcNow;

        KernelRegressionState loaded;
        try
        {
            loaded = await LoadOrInitialiseAsync(request, settings, formation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
        {
            // Stopped while the starting pool trained: nothing is kept before the first iteration's checkpoint.
            throw RunStoppedException.KeepingNothing(cancellationToken, stop);
        }

        using var state = loaded;
        var step = new KernelRegressionStep(request, settings, strategy);
        using var task = request.Progress.Start($"{Name}: learning {Counted.ImagesPerClass(request.ImagesPerClass)}", settings.Iterations);
        task.Advance(Math.Min(state.Completed, settings.Iterations));
        double? loss = null;
        var saved = state.Completed;
        try
        {
            while (state.Completed < settings.Iterations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var iteration = state.Completed + 1;
                var outcome = step.Run(state, iteration);
                // A fresh network is made outside the iteration's dispose scope: it outlives the iteration.
                state.Pool.RenewIfOld(outcome.Member);
                loss = outcome.Loss;
                state.Completed = iteration;
                task.Advance();
                task.Describe(string.Create(CultureInfo.InvariantCulture, $"{Name}: iteration {iteration}/{settings.Iterations}, loss {outcome.Loss:F4}"));

                if (iteration % settings.CheckpointEvery == 0)
                {
                    if (!state.Pool.IsFinite())
                    {
                        throw new UserErrorException(
                            $"FRePo diverged: a pool network's weights are no longer finite after iteration {iteration}. The state of the last checkpoint is kept; " +
                            $"lower {KernelRegressionOptions.Setting(nameof(settings.LearningRateNetwork))} and run again to resume from it.");
                    }

                    await request.Checkpoints.SaveAsync(state.ToCheckpoint(), cancellationToken).ConfigureAwait(false);
                    saved = iteration;
                }

                if (request.Snapshots.Wants(iteration))
                {
                    using var soft = state.SoftLabels();
                    await request.Snapshots.OfferAsync(iteration, state.Images, state.Labels, formation, soft, learningRate: null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
        {
            throw await StopCheckpoint.KeepAsync(
                request.Checkpoints, state.Completed, saved, state.IsFinite() && state.Pool.IsFinite(), state.ToCheckpoint, stop, cancellationToken).ConfigureAwait(false);
        }

        return ToSet(request, settings, state, loss, started);
    }

    private async Task<KernelRegressionState> LoadOrInitialiseAsync(
        DistillationRequest request, KernelRegressionOptions settings, Formation formation, CancellationToken cancellationToken)
    {
        using var checkpoint = await request.Checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is null
            ? KernelRegressionState.Initialise(networks, request, settings, formation, cancellationToken)
            : KernelRegressionState.Restore(checkpoint, networks, request, settings, formation);
    }

    private static SyntheticSet ToSet(
        DistillationRequest request, KernelRegressionOptions settings, KernelRegressionState state, double? loss, DateTimeOffset started)
    {
        using var scope = torch.NewDisposeScope();
        var soft = state.SoftLabels().detach();
        var agreement = soft.argmax(1).eq(state.Labels).to_type(torch.ScalarType.Float64).mean().item<double>();
        var metrics = new Dictionary<string, double>
        {
            ["iterations"] = state.Completed,
            ["networks_made"] = state.Pool.Created,
            ["networks_reset"] = state.Pool.Resets,
            ["soft_label_agreement"] = agreement,
            ["soft_label_confidence"] = soft.gather(1, state.Labels.unsqueeze(1)).mean().item<float>(),
        };
        var provenance = LearnedSetProvenance.Create(request, Name, settings, metrics, loss, started);
        return new SyntheticSet(state.Images.detach().clone().DetachFromDisposeScope(), state.Labels.clone().DetachFromDisposeScope(), provenance)
        {
            SoftLabels = soft.clone().DetachFromDisposeScope(),
            Formation = state.Formation,
        };
    }
}
