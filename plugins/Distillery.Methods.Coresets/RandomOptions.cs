namespace Distillery.Methods.Coresets;

/// <summary>The random coreset has no settings beyond the run's seed.</summary>
internal sealed class RandomOptions
{
}
