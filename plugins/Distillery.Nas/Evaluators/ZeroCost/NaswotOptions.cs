namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The naswot score: a batch of real images and the networks it is averaged over.</summary>
internal sealed class NaswotOptions : BatchScoreOptions
{
}
