using Distillery.Augmentation;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// The random choices of one iteration's student: for every step, which synthetic images form its mini-batch (the
/// set is shuffled and cut into batches, reshuffled when used up, as in the reference) and the augmentation drawn for
/// them. Drawn once, so that a method that passes over the steps twice (see <see cref="ConstantMemoryGradient"/>)
/// sees the same batches both times.
/// </summary>
internal sealed class StudentPlan : IDisposable
{
    private StudentPlan(IReadOnlyList<Step> steps) => Steps = steps;

    public IReadOnlyList<Step> Steps { get; }

    /// <param name="images">How many synthetic images there are.</param>
    /// <param name="batch">Images per step; 0 or more than <paramref name="images"/>: all of them.</param>
    /// <param name="steps">How many student steps.</param>
    /// <param name="strategy">The augmentation of every batch (drawn per image), or none.</param>
    /// <param name="height">The images' height.</param>
    /// <param name="width">The images' width.</param>
    /// <param name="generator">Where every choice comes from.</param>
    /// <param name="device">Where the indices and draws live.</param>
    public static StudentPlan Draw(
        long images, int batch, int steps, AugmentationStrategy strategy, long height, long width, Generator generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var size = batch <= 0 || batch > images ? images : batch;
        var planned = new List<Step>(steps);
        var pending = new Queue<Tensor>();
        try
        {
            for (var i = 0; i < steps; i++)
            {
                if (pending.Count == 0)
                {
                    using var order = DeviceDraws.Permutation(images, generator, device);
                    for (long start = 0; start < images; start += size)
                    {
                        pending.Enqueue(order.narrow(0, start, Math.Min(size, images - start)).clone());
                    }
                }

                var rows = pending.Dequeue();
                var draw = strategy.IsNone ? null : DifferentiableAugmentation.Draw(strategy, rows.shape[0], height, width, generator, siamese: false, device);
                planned.Add(new Step(rows, draw));
            }
        }
        catch
        {
            new StudentPlan(planned).Dispose();
            throw;
        }
        finally
        {
            while (pending.Count > 0)
            {
                pending.Dequeue().Dispose();
            }
        }

        return new StudentPlan(planned);
    }

    public void Dispose()
    {
        foreach (var step in Steps)
        {
            step.Rows.Dispose();
            step.Augmentation?.Dispose();
        }
    }

    /// <summary>One student step: the rows of its mini-batch and their augmentation (null for none).</summary>
    internal sealed record Step(Tensor Rows, AugmentationDraw? Augmentation)
    {
        /// <summary>The step's mini-batch of <paramref name="images"/>, augmented; differentiable with respect to <paramref name="images"/>.</summary>
        public Tensor Batch(Tensor images)
        {
            ArgumentNullException.ThrowIfNull(images);
            var batch = images.index_select(0, Rows);
            if (Augmentation is null)
            {
                return batch;
            }

            using (batch)
            {
                return Augmentation.Apply(batch);
            }
        }
    }
}
