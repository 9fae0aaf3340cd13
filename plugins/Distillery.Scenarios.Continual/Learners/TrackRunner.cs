using System.Diagnostics;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Randomness;
using Distillery.Storage;
using Distillery.Training;
using TorchSharp;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Trains one track step by step and tests it after each step. After every step the accuracy rows (and, for a
/// network carried through the steps, its weights) are saved as the track's checkpoint, so a run stopped after step
/// <c>k</c> starts again at step <c>k + 1</c> and ends with the numbers of an uninterrupted run. Network <c>t</c> is
/// initialised from a seed derived from (order, learner, step) and not from the memory method, so every method is
/// judged with the same networks.
/// </summary>
internal sealed class TrackRunner(INetworkFactory networks, INetworkTrainer trainer, IWorkspaceStore workspace, IDeviceProvider devices)
{
    private const string WeightPrefix = "network.";

    public async Task<TrackResult> RunAsync(
        TrackSpec spec,
        DatasetSplits data,
        IReadOnlyList<LabeledImages> tests,
        MemoryTimeline? memory,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var checkpoints = workspace.Checkpoints(spec.RunKey);
        var steps = spec.Split.StepCount;
        var options = spec.TrainingFor;
        Network? network = null;
        try
        {
            TrackState state;
            using (var checkpoint = await checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false))
            {
                state = checkpoint is null ? TrackState.Empty : TrackState.FromJson(checkpoint.StateJson);
                if (checkpoint is not null && !spec.FreshEachStep && state.NextStep is > 0 && state.NextStep < steps)
                {
                    network = CreateNetwork(spec, data.Info, 0);
                    NetworkWeights.LoadInto(network, checkpoint.Tensors, WeightPrefix);
                }
            }

            var resumedFrom = state.NextStep;
            using var task = progress.Start($"{spec.Label}, order {spec.Split.Order}", (double)steps * options.Epochs);
            task.Advance((double)resumedFrom * options.Epochs);
            for (var step = resumedFrom; step < steps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                task.Describe($"{spec.Label}, order {spec.Split.Order}: step {step + 1}/{steps}");
                if (network is null || spec.FreshEachStep)
                {
                    network?.Dispose();
                    network = CreateNetwork(spec, data.Info, spec.FreshEachStep ? step : 0);
                }

                using (var set = TrainingSets.For(spec, step, data, memory, devices.Device))
                {
                    var seed = SeedSequence.Derive(spec.Seed, $"training/order {spec.Split.Order}/{spec.Learner}/step {step}");
                    trainer.Train(network, set, options, seed, task, cancellationToken);
                }

                var (classRow, taskRow) = AccuracyProbe.Measure(network, tests, spec.Split, step, spec.TestBatchSize);
                state = new TrackState(step + 1, [.. state.ClassRows, classRow], [.. state.TaskRows, taskRow]);
                await checkpoints.SaveAsync(Save(state, spec.FreshEachStep ? null : network), cancellationToken).ConfigureAwait(false);
            }

            return new TrackResult(spec, state.ClassRows, state.TaskRows, resumedFrom, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            network?.Dispose();
        }
    }

    private Network CreateNetwork(TrackSpec spec, DatasetInfo info, int step)
    {
        var seed = SeedSequence.Derive(spec.Seed, $"network/order {spec.Split.Order}/{spec.Learner}/step {step}");
        return networks.Create(spec.Architecture, info, seed, devices.Device);
    }

    private static Checkpoint Save(TrackState state, Network? network)
    {
        var tensors = network is null
            ? new Dictionary<string, torch.Tensor>()
            : NetworkWeights.ToCheckpointTensors(network, WeightPrefix);
        return new Checkpoint(state.NextStep, tensors, state.ToJson());
    }
}
