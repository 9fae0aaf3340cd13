using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual;

/// <summary>What each learner trains on at step <c>t</c>.</summary>
internal static class TrainingSets
{
    public static LabeledImages For(TrackSpec spec, int step, DatasetSplits data, MemoryTimeline? memory, Device device)
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
                    return past is null ? Copy(current) : Concat(current, past);
                }

            case LearnerNames.FineTune:
                return ClassSubset.Select(data.Train, split.Steps[step]);
            case LearnerNames.Joint:
                return ClassSubset.Select(data.Train, split.ClassesThrough(step));
            default:
                throw new ArgumentException($"Unknown learner '{spec.Learner}'.", nameof(spec));
        }
    }

    private static MemoryTimeline Require(MemoryTimeline? memory, TrackSpec spec) =>
        memory ?? throw new InvalidOperationException($"The learner '{spec.Learner}' needs memory.");

    private static LabeledImages Copy(LabeledImages set) => new(set.Images.clone(), set.Labels.clone(), set.NumClasses);

    private static LabeledImages Concat(LabeledImages first, LabeledImages second)
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.cat([first.Images, second.Images.to(first.Images.device)], 0).MoveToOuterDisposeScope();
        var labels = torch.cat([first.Labels, second.Labels.to(first.Labels.device)], 0).MoveToOuterDisposeScope();
        return new LabeledImages(images, labels, first.NumClasses);
    }
}
