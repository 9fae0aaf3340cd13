using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Methods.TrajectoryMatching.Matching;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace Distillery.Methods.TrajectoryMatching;

/// <summary><c>mtt</c>: trajectory matching with the student's steps unrolled in one graph (memory grows with the steps).</summary>
internal sealed class MttMethod(INetworkFactory networks, ExpertTrajectories experts, IOptions<MttOptions> options)
    : TrajectoryMatchingMethod(Name, networks, experts, options.Value, new UnrolledGradient())
{
    public const string Name = "mtt";
}
