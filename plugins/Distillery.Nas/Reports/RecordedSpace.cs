using Distillery.Randomness;
using Distillery.Search;

namespace Distillery.Nas.Reports;

/// <summary>
/// The candidates that have a stored ground truth, as a search space: each is built as the architecture its score was
/// stored under, whatever space it first came from. It lets an evaluator score exactly those candidates.
/// </summary>
internal sealed class RecordedSpace : ISearchSpace
{
    private readonly IReadOnlyList<Candidate> _candidates;
    private readonly Dictionary<string, string> _architectures;

    /// <param name="candidates">Each candidate's name and the architecture it is built as.</param>
    public RecordedSpace(IEnumerable<(string Name, string Architecture)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        _candidates = list.Select(c => new Candidate(c.Name, new Dictionary<string, string>())).ToList();
        _architectures = list.ToDictionary(c => c.Name, c => c.Architecture, StringComparer.Ordinal);
    }

    public IReadOnlyList<SearchDimension> Dimensions { get; } = [];

    public IReadOnlyList<Candidate> Enumerate() => _candidates;

    public Candidate Parse(string name) =>
        _candidates.FirstOrDefault(c => c.Name == name) ?? throw new UserErrorException($"'{name}' has no stored ground truth.") { Value = name };

    public IReadOnlyList<Candidate> Sample(int count, long seed)
    {
        var order = _candidates.ToArray();
        new Random(unchecked((int)SeedSequence.Derive(seed, "search-space sample"))).Shuffle(order);
        return order.Take(count).ToList();
    }

    public IReadOnlyList<Candidate> Neighbours(Candidate candidate) => _candidates.Where(c => !c.Equals(candidate)).ToList();

    public string Architecture(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return _architectures[Parse(candidate.Name).Name];
    }
}
