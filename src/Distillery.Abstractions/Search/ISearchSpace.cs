using Distillery.Components;

namespace Distillery.Search;

/// <summary>
/// The candidates an architecture search chooses from. A space enumerates them, samples them with a seed, gives a
/// candidate's neighbours (for mutation) and names the architecture each one is built as.
/// </summary>
[ComponentKind("search-space", SearchSections.Spaces)]
public interface ISearchSpace
{
    /// <summary>The dimensions candidates vary along (empty for a plain list).</summary>
    IReadOnlyList<SearchDimension> Dimensions { get; }

    /// <summary>Every candidate, in the space's order.</summary>
    IReadOnlyList<Candidate> Enumerate();

    /// <summary>The candidate of that name.</summary>
    /// <exception cref="UserErrorException">The name is not a candidate of this space; the message says what is.</exception>
    Candidate Parse(string name);

    /// <summary>
    /// <paramref name="count"/> different candidates drawn with <paramref name="seed"/> (all of them, in a seeded order,
    /// when the space has fewer). The same seed gives the same candidates.
    /// </summary>
    IReadOnlyList<Candidate> Sample(int count, long seed);

    /// <summary>The candidates one mutation away from <paramref name="candidate"/>.</summary>
    IReadOnlyList<Candidate> Neighbours(Candidate candidate);

    /// <summary>The architecture name the candidate is built as, e.g. <c>convnet:d3-w128-relu-instancenorm-avgpool</c>.</summary>
    string Architecture(Candidate candidate);
}
