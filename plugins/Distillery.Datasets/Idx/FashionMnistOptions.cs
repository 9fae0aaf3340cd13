namespace Distillery.Datasets.Idx;

/// <summary>Options of <c>fashion-mnist</c>, bound from <c>Datasets:fashion-mnist</c>.</summary>
internal sealed class FashionMnistOptions : StandardDatasetOptions
{
}
