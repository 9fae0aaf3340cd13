using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Scenarios.Benchmark;

/// <summary>
/// Which sets to make and how to judge them. Lists left unset take the defaults shown; a list set in configuration
/// replaces the default.
/// </summary>
internal sealed class BenchmarkOptions : IValidatableObject
{
    [Description("The dataset to distill and evaluate on.")]
    [Required(AllowEmptyStrings = false)]
    public string Dataset { get; set; } = "fashion-mnist";

    [Description("Methods to distill with. Default: herding.")]
    public string[]? Methods { get; set; }

    [Description("Images per class. Default: 10.")]
    public int[]? ImagesPerClass { get; set; }

    [Description("The network the methods distill with.")]
    [Required(AllowEmptyStrings = false)]
    public string Architecture { get; set; } = "convnet";

    [Description("Architectures every set is evaluated on. Default: the distillation architecture.")]
    public string[]? EvaluateOn { get; set; }

    [Description("The seed of the distillation and of the evaluation networks.")]
    public long Seed { get; set; }

    [Description("Evaluate a random real subset of the same size beside every set, with the same networks.")]
    public bool RandomBaseline { get; set; } = true;

    public IReadOnlyList<string> MethodList => Methods is { Length: > 0 } ? Methods : ["herding"];

    public IReadOnlyList<int> ImagesPerClassList => ImagesPerClass is { Length: > 0 } ? ImagesPerClass : [10];

    public IReadOnlyList<string> EvaluationArchitectures => EvaluateOn is { Length: > 0 } ? EvaluateOn : [Architecture];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var ipc in ImagesPerClassList.Where(ipc => ipc <= 0))
        {
            yield return new ValidationResult($"ImagesPerClass must hold positive numbers; got {ipc}.", [nameof(ImagesPerClass)]);
        }

        if (MethodList.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Methods must not hold empty names.", [nameof(Methods)]);
        }
    }
}
