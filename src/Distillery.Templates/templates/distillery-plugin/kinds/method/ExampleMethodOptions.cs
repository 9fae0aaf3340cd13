using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace DistilleryPlugin1;

/// <summary>Bound from <c>Methods:example-component</c>; an unknown key or a value out of range stops the host at start-up.</summary>
public sealed class ExampleMethodOptions
{
    [Description("Look at this many randomly drawn images of each class (0: all of them).")]
    [Range(0, 10_000_000)]
    public int CandidatesPerClass { get; set; } = 1000;
}
