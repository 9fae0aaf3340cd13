using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Methods.TrajectoryMatching.Matching;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Methods.TrajectoryMatching;

/// <summary><c>tesla</c>: trajectory matching with the same gradient at memory constant in the student's steps.</summary>
internal sealed class TeslaMethod(INetworkFactory networks, ExpertTrajectories experts, IOptions<TeslaOptions> options)
    : TrajectoryMatchingMethod(Name, networks, experts, options.Value, new ConstantMemoryGradient())
{
    public const string Name = "tesla";
}
