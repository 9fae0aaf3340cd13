using Distillery.Nas.Spaces;
using Distillery.Search;

namespace Distillery.Tests.Nas;

/// <summary>
/// A search space for strategy tests: <c>dimensions</c> dimensions of <c>values</c> values each (named <c>a0-b2-c1</c>),
/// with the ConvNet space's balanced sampler and one-step neighbours; nothing is trained.
/// </summary>
internal sealed class GridSpace : ISearchSpace
{
    private readonly IReadOnlyList<Candidate> _candidates;
    private readonly Dictionary<string, Candidate> _byName;

    public GridSpace(int dimensions = 5, int values = 4)
    {
        Dimensions = Enumerable.Range(0, dimensions)
            .Select(d => new SearchDimension(((char)('a' + d)).ToString(), Enumerable.Range(0, values).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()))
            .ToList();
        _candidates = DimensionGrid.Enumerate(Dimensions, Format);
        _byName = _candidates.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SearchDimension> Dimensions { get; }

    public IReadOnlyList<Candidate> Enumerate() => _candidates;

    public Candidate Parse(string name) => _byName[name];

    public IReadOnlyList<Candidate> Sample(int count, long seed) => DimensionGrid.SampleBalanced(Dimensions, _byName, Format, count, seed);

    public IReadOnlyList<Candidate> Neighbours(Candidate candidate) => DimensionGrid.Neighbours(Dimensions, _byName, Format, candidate);

    public string Architecture(Candidate candidate) => "grid:" + candidate.Name;

    /// <summary>A synthetic landscape: how many dimensions take the value <paramref name="target"/> gives them.</summary>
    public static double Matches(Candidate candidate, IReadOnlyList<string> target) =>
        candidate.Choices.Values.Zip(target).Count(pair => pair.First == pair.Second);

    private string Format(IReadOnlyList<string> values) => string.Join('-', values.Select((v, d) => Dimensions[d].Name + v));
}
