namespace Distillery.Search;

/// <summary>A dimension of a search space and the values it takes, in order (e.g. <c>depth</c>: 1, 2, 3, 4).</summary>
public sealed record SearchDimension(string Name, IReadOnlyList<string> Values);
