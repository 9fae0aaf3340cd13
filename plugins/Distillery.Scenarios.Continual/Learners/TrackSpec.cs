using Distillery.Training;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// One learner trained through every step of one class order, on one method's memory (or none, for the bounds).
/// Its results are kept in the workspace under <see cref="RunKey"/> after every step.
/// </summary>
internal sealed record TrackSpec
{
    public required string Learner { get; init; }

    /// <summary>The memory method, or null for learners that use no memory.</summary>
    public string? MemoryMethod { get; init; }

    public required IncrementalSplit Split { get; init; }

    public required string Architecture { get; init; }

    public required long Seed { get; init; }

    /// <summary>Training on memory alone (gdumb).</summary>
    public required TrainingOptions MemoryTraining { get; init; }

    /// <summary>Training that includes the step's real data (replay, finetune, joint).</summary>
    public required TrainingOptions DataTraining { get; init; }

    public int TestBatchSize { get; init; } = 1024;

    public required string RunKey { get; init; }

    public string Label => MemoryMethod is null ? Learner : $"{Learner} + {MemoryMethod}";

    /// <summary>Fresh network at every step (gdumb, joint), or one network carried through the steps.</summary>
    public bool FreshEachStep => Learner is LearnerNames.GDumb or LearnerNames.Joint;

    public TrainingOptions TrainingFor => Learner == LearnerNames.GDumb ? MemoryTraining : DataTraining;
}
