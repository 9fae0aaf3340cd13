using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.ResNets;

/// <summary>Options of <c>resnet18</c> (section <c>Architectures:resnet18</c>).</summary>
internal sealed class ResNet18Options : IValidatableObject
{
    [Description("The normalization when no variant is given: InstanceNorm (the reference ResNet18) or BatchNorm (ResNet18BN).")]
    public NormalizationKind Normalization { get; set; } = NormalizationKind.InstanceNorm;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ResNet18Architecture.Normalizations.Validate(Normalization, nameof(Normalization));
}
