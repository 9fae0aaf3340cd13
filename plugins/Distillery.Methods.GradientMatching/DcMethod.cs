using Distillery.Augmentation;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Methods.GradientMatching;

/// <summary>Gradient matching without augmentation (<c>dc</c>).</summary>
internal sealed class DcMethod(INetworkFactory networks, IOptions<DcOptions> options)
    : GradientMatchingMethod(networks, options.Value, "dc")
{
    protected override AugmentationStrategy Augmentation => AugmentationStrategy.None;
}
