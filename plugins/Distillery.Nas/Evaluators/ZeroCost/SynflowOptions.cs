namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The synflow score: the networks only (its input is a constant image of ones).</summary>
internal sealed class SynflowOptions : ZeroCostOptions
{
}
