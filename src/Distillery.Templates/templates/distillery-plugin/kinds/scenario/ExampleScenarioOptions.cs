using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace DistilleryPlugin1;

/// <summary>Bound from <c>Scenarios:example-component</c> (or an experiment file's section of that name).</summary>
public sealed class ExampleScenarioOptions
{
    [Description("The dataset to count, by name (see `distillery plugins`).")]
    [Required]
    [MinLength(1)]
    public string Dataset { get; set; } = "fashion-mnist";
}
