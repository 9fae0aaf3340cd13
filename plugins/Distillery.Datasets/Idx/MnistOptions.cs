namespace Distillery.Datasets.Idx;

/// <summary>Options of <c>mnist</c>, bound from <c>Datasets:mnist</c>.</summary>
internal sealed class MnistOptions : StandardDatasetOptions
{
}
