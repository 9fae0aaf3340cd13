using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// A class- or task-incremental benchmark: the dataset's classes arrive in <see cref="Steps"/> steps, in
/// <see cref="ClassOrders"/> seeded orders; each memory method turns every step's classes into memory kept in the
/// workspace, and each learner is trained step by step and tested on every step seen so far. Training follows the
/// <c>Evaluation</c> section's optimizer settings (SGD, learning rate, momentum, weight decay, batch, augmentation).
/// </summary>
internal sealed class ContinualOptions : IValidatableObject
{
    [Description("The dataset whose classes arrive step by step.")]
    [Required(AllowEmptyStrings = false)]
    public string Dataset { get; set; } = "fashion-mnist";

    [Description("class-incremental (no task identity at test) or task-incremental (logits masked to the step's classes).")]
    [Required(AllowEmptyStrings = false)]
    public string Setting { get; set; } = ContinualSettings.ClassIncremental;

    [Description("How many steps the classes arrive in; it must divide the number of classes.")]
    [Range(1, 1000)]
    public int Steps { get; set; } = 5;

    [Description("How many class orders to run, each drawn from Seed; results are mean ± std over them.")]
    [Range(1, 100)]
    public int ClassOrders { get; set; } = 1;

    [Description("The seed of the class orders, the methods and the networks.")]
    public long Seed { get; set; }

    [Description("Memory images per class. Set this or MemoryTotal.")]
    public int? MemoryPerClass { get; set; }

    [Description("Total memory in images, split evenly over the dataset's classes.")]
    public int? MemoryTotal { get; set; }

    [Description("Method components that turn each step's classes into memory. Default: random.")]
    public string[]? MemoryMethods { get; set; }

    [Description("gdumb, replay, finetune, joint. Default: gdumb.")]
    public string[]? Learners { get; set; }

    [Description("The network every learner trains (and the methods use).")]
    [Required(AllowEmptyStrings = false)]
    public string Architecture { get; set; } = "convnet";

    [Description("Epochs of training on memory alone (gdumb), per step.")]
    [Range(1, 100_000)]
    public int Epochs { get; set; } = 300;

    [Description("Epochs per step for learners that train on the step's real data (replay, finetune, joint).")]
    [Range(1, 100_000)]
    public int RealDataEpochs { get; set; } = 10;

    [Description("Use memory already stored in the buffers and never run a method; every step must be stored.")]
    public bool ReuseMemory { get; set; }

    [Description("Replace buffers made with other settings and discard stored results, instead of refusing or resuming.")]
    public bool Overwrite { get; set; }

    [Description("The buffers' name prefix; each (method, class order) gets {BufferName}/{method}/order{k}. Default: from the settings.")]
    public string? BufferName { get; set; }

    public IReadOnlyList<string> MemoryMethodList => MemoryMethods is { Length: > 0 } ? MemoryMethods : ["random"];

    public IReadOnlyList<string> LearnerList => Learners is { Length: > 0 } ? Learners : [LearnerNames.GDumb];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ContinualSettings.All.Contains(Setting))
        {
            yield return new ValidationResult(
                $"Setting must be one of {string.Join(", ", ContinualSettings.All)}; got '{Setting}'.", [nameof(Setting)]);
        }

        if (MemoryPerClass is not null && MemoryTotal is not null)
        {
            yield return new ValidationResult("Set MemoryPerClass or MemoryTotal, not both.", [nameof(MemoryPerClass), nameof(MemoryTotal)]);
        }

        if (MemoryPerClass is <= 0)
        {
            yield return new ValidationResult($"MemoryPerClass must be at least 1 image; got {MemoryPerClass}.", [nameof(MemoryPerClass)]);
        }

        if (MemoryTotal is <= 0)
        {
            yield return new ValidationResult($"MemoryTotal must be at least 1 image per class; got {MemoryTotal}.", [nameof(MemoryTotal)]);
        }

        if (MemoryMethodList.Any(string.IsNullOrWhiteSpace) || MemoryMethodList.Distinct(StringComparer.OrdinalIgnoreCase).Count() != MemoryMethodList.Count)
        {
            yield return new ValidationResult("MemoryMethods must hold distinct, non-empty names.", [nameof(MemoryMethods)]);
        }

        foreach (var learner in LearnerList.Where(l => !LearnerNames.All.Contains(l)))
        {
            yield return new ValidationResult(
                $"Unknown learner '{learner}'; use {string.Join(", ", LearnerNames.All)}.", [nameof(Learners)]);
        }

        if (BufferName is { } name && (string.IsNullOrWhiteSpace(name) || name.Contains('|', StringComparison.Ordinal)))
        {
            yield return new ValidationResult("BufferName must be a non-empty name without '|'.", [nameof(BufferName)]);
        }
    }
}
