using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Runs;

/// <summary>
/// Keeps a run's time with its checkpoints: every checkpoint saved through it also holds the run clock's seconds
/// (tensor <see cref="ClockTensor"/>), and a checkpoint loaded through it sets the clock to continue from them, so a
/// resumed run reports the time of every process up to its checkpoint plus its own. The method never sees the tensor.
/// A checkpoint without it (saved before clocks were kept) loads as it is.
/// </summary>
internal sealed class ClockedCheckpointStore(ICheckpointStore inner, RunClock clock) : ICheckpointStore
{
    public const string ClockTensor = "run.clock";

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Tensors.ContainsKey(ClockTensor))
        {
            throw new InvalidOperationException($"A method's checkpoint may not hold a tensor named '{ClockTensor}': the run keeps its time there.");
        }

        var tensors = new Dictionary<string, Tensor>(checkpoint.Tensors) { [ClockTensor] = torch.tensor(new[] { clock.Seconds, clock.ProcessorSeconds }) };
        return inner.SaveAsync(new Checkpoint(checkpoint.Step, tensors, checkpoint.StateJson), cancellationToken);
    }

    public async Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = await inner.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (loaded is null || !loaded.Tensors.TryGetValue(ClockTensor, out var times))
        {
            return loaded;
        }

        var values = times.to_type(torch.ScalarType.Float64).cpu().data<double>().ToArray();
        if (values.Length == 2 && values.All(value => double.IsFinite(value) && value >= 0))
        {
            clock.ContinueFrom(values[0], values[1]);
        }

        times.Dispose();
        return new Checkpoint(loaded.Step, loaded.Tensors.Where(pair => pair.Key != ClockTensor).ToDictionary(pair => pair.Key, pair => pair.Value), loaded.StateJson);
    }
}
