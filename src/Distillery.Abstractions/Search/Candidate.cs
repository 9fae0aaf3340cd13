namespace Distillery.Search;

/// <summary>
/// One point of a search space: its name in that space (e.g. <c>d3-w128-relu-instancenorm-avgpool</c>) and the value
/// it takes in each of the space's dimensions. Two candidates are the same when their names are.
/// </summary>
public sealed class Candidate : IEquatable<Candidate>
{
    public Candidate(string name, IReadOnlyDictionary<string, string> choices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(choices);
        Name = name;
        Choices = choices;
    }

    public string Name { get; }

    /// <summary>The value of each dimension, by dimension name (empty for a space without dimensions).</summary>
    public IReadOnlyDictionary<string, string> Choices { get; }

    public bool Equals(Candidate? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Candidate);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;
}
