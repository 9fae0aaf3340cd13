namespace Distillery.Datasets.Cifar;

/// <summary>Options of <c>cifar10</c>, bound from <c>Datasets:cifar10</c>.</summary>
internal sealed class Cifar10Options : StandardDatasetOptions
{
}
