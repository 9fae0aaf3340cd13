using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.Classic;

/// <summary>Options of <c>alexnet</c> (section <c>Architectures:alexnet</c>).</summary>
internal sealed class AlexNetOptions : IValidatableObject
{
    [Description("The normalization when no variant is given: None (the reference AlexNet) or BatchNorm (AlexNetBN).")]
    public NormalizationKind Normalization { get; set; } = NormalizationKind.None;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AlexNetArchitecture.Normalizations.Validate(Normalization, nameof(Normalization));
}
