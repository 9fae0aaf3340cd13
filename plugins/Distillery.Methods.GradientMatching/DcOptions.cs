namespace Distillery.Methods.GradientMatching;

/// <summary>Settings of <c>dc</c>, bound from <c>Methods:dc</c>. Synthetic images start from noise, as in the paper.</summary>
internal sealed class DcOptions : GradientMatchingOptions
{
}
