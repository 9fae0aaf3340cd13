using Distillery.Augmentation;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Methods.GradientMatching;

/// <summary>
/// Gradient matching with differentiable siamese augmentation (<c>dsa</c>): one augmentation drawn per class at every
/// matching step transforms both the real and the synthetic batch; training on the synthetic set augments each image.
/// </summary>
internal sealed class DsaMethod(INetworkFactory networks, IOptions<DsaOptions> options)
    : GradientMatchingMethod(networks, options.Value, "dsa")
{
    private readonly AugmentationStrategy _augmentation = AugmentationStrategy.Parse(options.Value.Augmentation);

    protected override AugmentationStrategy Augmentation => _augmentation;
}
