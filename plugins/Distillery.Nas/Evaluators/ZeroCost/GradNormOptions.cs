namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The grad_norm score: a batch of real images with their labels and the networks it is averaged over.</summary>
internal sealed class GradNormOptions : BatchScoreOptions
{
}
