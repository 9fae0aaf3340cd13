namespace Distillery.Tests.Kit;

/// <summary>Collects reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class ListProgress<T> : IProgress<T>
{
    public List<T> Items { get; } = [];

    public void Report(T value) => Items.Add(value);
}
