using Distillery.Data;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual;

/// <summary>What each learner trains on at step <c>t</c>.</summary>
internal static class TrainingSets
{
    public static TrainingSet For(TrackSpec spec, int step, DatasetSplits data, MemoryTimeline? memory, Device device)
    {
        var split = spec.Split;
        var classes = data.Info.NumClasses;
        switch (spec.Learner)
        {
            case LearnerNames.GDumb:
                return Require(memory, spec).Range(0, step, classes, device)!;
            case LearnerNames.Replay:
                {
                    using var current = ClassSubset.Select(data.Train, split.Steps[step]);
                    using var past = Require(memory, spec).Range(0, step - 1, classes, device);
                    return past is null ? TrainingSet.Of(current) : Concat(current, past);
                }

            case LearnerNames.FineTune:
                return Owned(ClassSubset.Select(data.Train, split.Steps[step]));
            case LearnerNames.Joint:
                return Owned(ClassSubset.Select(data.Train, split.ClassesThrough(step)));
            default:
                throw new ArgumentException($"Unknown learner '{spec.Learner}'.", nameof(spec));
        }
    }

    private static MemoryTimeline Require(MemoryTimeline? memory, TrackSpec spec) =>
        memory ?? throw new InvalidOperationException($"The learner '{spec.Learner}' needs memory.");

    /// <summary>A training set sharing <paramref name="set"/>'s storage, which is disposed.</summary>
    private static TrainingSet Owned(LabeledImages set)
    {
        using (set)
        {
            return TrainingSet.Of(set);
        }
    }

    /// <summary>The step's real images, then the memory of earlier steps; on soft labels (the real ones one-hot) when the memory has them.</summary>
    private static TrainingSet Concat(LabeledImages current, TrainingSet past)
    {
        using var scope = torch.NewDisposeScope();
        var device = current.Images.device;
        var images = torch.cat([current.Images, past.Images.to(device)], 0).MoveToOuterDisposeScope();
        var labels = torch.cat([current.Labels, past.Labels.to(device)], 0).MoveToOuterDisposeScope();
        var softLabels = past.SoftLabels is { } soft
            ? torch.cat([nn.functional.one_hot(current.Labels.to(ScalarType.Int64), current.NumClasses).to(soft.dtype), soft.to(device)], 0).MoveToOuterDisposeScope()
            : null;
        return new TrainingSet(images, labels, current.NumClasses, softLabels);
    }
}
