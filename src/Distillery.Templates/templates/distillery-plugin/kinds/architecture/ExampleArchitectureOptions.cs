using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace DistilleryPlugin1;

/// <summary>Bound from <c>Architectures:example-component</c>; a value out of range stops the host at start-up.</summary>
public sealed class ExampleArchitectureOptions
{
    [Description("Hidden units of the narrow variant (the wide one has twice as many).")]
    [Range(1, 65_536)]
    public int Width { get; set; } = 128;
}
