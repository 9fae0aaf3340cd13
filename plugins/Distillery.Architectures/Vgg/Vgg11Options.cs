using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.Vgg;

/// <summary>Options of <c>vgg11</c> (section <c>Architectures:vgg11</c>).</summary>
internal sealed class Vgg11Options : IValidatableObject
{
    [Description("The normalization when no variant is given: InstanceNorm (the reference VGG11) or BatchNorm (VGG11BN).")]
    public NormalizationKind Normalization { get; set; } = NormalizationKind.InstanceNorm;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Vgg11Architecture.Normalizations.Validate(Normalization, nameof(Normalization));
}
