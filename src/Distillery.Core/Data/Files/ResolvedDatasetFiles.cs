namespace Distillery.Data.Files;

/// <summary>Where each requested file of a dataset was found, by requested name.</summary>
public sealed class ResolvedDatasetFiles(IReadOnlyDictionary<string, string> paths)
{
    public IReadOnlyDictionary<string, string> Paths { get; } = paths;

    /// <summary>The full path of the requested file <paramref name="name"/> (which may be one of its alternative names on disk).</summary>
    public string this[string name] => Paths.TryGetValue(name, out var path)
        ? path
        : throw new KeyNotFoundException($"'{name}' was not among the requested files.");
}
