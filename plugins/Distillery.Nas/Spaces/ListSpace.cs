using Distillery.Components;
using Distillery.Randomness;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Spaces;

/// <summary>
/// A space of named architectures taken from configuration (<c>SearchSpaces:list:Candidates</c>): a candidate is the
/// architecture it names, it has no dimensions, and its neighbours are the other candidates. Each name must be an
/// architecture the catalog knows.
/// </summary>
internal sealed class ListSpace : ISearchSpace
{
    public const string Name = "list";

    private readonly IReadOnlyList<Candidate> _candidates;

    public ListSpace(IOptions<ListSpaceOptions> options, IComponentCatalog catalog)
    {
        var names = options.Value.Candidates?.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (names.Count == 0)
        {
            throw new UserErrorException(
                $"The list search space has no candidates. Give architecture names in {SearchSections.Spaces}:{Name}:Candidates " +
                "(an experiment file or appsettings.json), e.g. [\"convnet:d2-w64-relu-batchnorm-maxpool\", \"lenet\"].")
            {
                Setting = $"{SearchSections.Spaces}:{Name}:Candidates",
            };
        }

        foreach (var name in names)
        {
            // Throws a user error that lists the known architectures or variants.
            catalog.Find(ComponentKind.Architecture, name);
        }

        _candidates = names.Select(n => new Candidate(n, new Dictionary<string, string>())).ToList();
    }

    public IReadOnlyList<SearchDimension> Dimensions { get; } = [];

    public IReadOnlyList<Candidate> Enumerate() => _candidates;

    public Candidate Parse(string name) =>
        _candidates.FirstOrDefault(c => c.Name == name?.Trim()) ?? throw new UserErrorException(
            $"'{name}' is not a candidate of the list search space. Its candidates: {string.Join(", ", _candidates.Select(c => c.Name))}.")
        {
            Value = name,
        };

    public IReadOnlyList<Candidate> Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = _candidates.ToArray();
        new Random(unchecked((int)SeedSequence.Derive(seed, "search-space sample"))).Shuffle(order);
        return order.Take(count).ToList();
    }

    /// <summary>
    /// The other candidates whose names differ from this one's in the fewest tokens (the parts between ':' and '-'):
    /// for ConvNet variants, the listed ones nearest in depth, width, activation, normalization and pooling.
    /// </summary>
    public IReadOnlyList<Candidate> Neighbours(Candidate candidate)
    {
        var own = Parse(candidate.Name);
        var tokens = Tokens(own.Name);
        var others = _candidates.Where(c => !c.Equals(own)).Select(c => (Candidate: c, Distance: Distance(tokens, Tokens(c.Name)))).ToList();
        if (others.Count == 0)
        {
            return [];
        }

        var nearest = others.Min(o => o.Distance);
        return others.Where(o => o.Distance == nearest).Select(o => o.Candidate).ToList();
    }

    public string Architecture(Candidate candidate) => Parse(candidate.Name).Name;

    private static string[] Tokens(string name) => name.Split([':', '-'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many tokens one name has that the other lacks, the larger count of the two sides.</summary>
    private static int Distance(string[] first, string[] second) =>
        Math.Max(first.Except(second, StringComparer.Ordinal).Count(), second.Except(first, StringComparer.Ordinal).Count());
}
