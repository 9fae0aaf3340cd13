using System.Globalization;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Spaces;

/// <summary>
/// The ConvNet search space: depth × width × activation × normalization × pooling, named as the <c>convnet</c>
/// architecture names its variants (<c>d3-w128-relu-instancenorm-avgpool</c> is built as
/// <c>convnet:d3-w128-relu-instancenorm-avgpool</c>). The options may narrow any dimension.
/// </summary>
internal sealed class ConvNetSpace : ISearchSpace
{
    public const string Name = "convnet";
    public const string ArchitecturePrefix = "convnet:";

    private static readonly SearchDimension[] Universe =
    [
        new("depth", ["1", "2", "3", "4"]),
        new("width", ["32", "64", "128", "256"]),
        new("activation", ["sigmoid", "relu", "leakyrelu"]),
        new("normalization", ["nonorm", "batchnorm", "layernorm", "instancenorm", "groupnorm"]),
        new("pooling", ["nopool", "maxpool", "avgpool"]),
    ];

    private readonly IReadOnlyList<Candidate> _candidates;
    private readonly Dictionary<string, Candidate> _byName;

    public ConvNetSpace(IOptions<ConvNetSpaceOptions> options)
    {
        var o = options.Value;
        Dimensions =
        [
            Narrow(Universe[0], o.Depths?.Select(d => d.ToString(CultureInfo.InvariantCulture)), nameof(o.Depths)),
            Narrow(Universe[1], o.Widths?.Select(w => w.ToString(CultureInfo.InvariantCulture)), nameof(o.Widths)),
            Narrow(Universe[2], o.Activations, nameof(o.Activations)),
            Narrow(Universe[3], o.Normalizations, nameof(o.Normalizations)),
            Narrow(Universe[4], o.Poolings, nameof(o.Poolings)),
        ];
        _candidates = DimensionGrid.Enumerate(Dimensions, Format);
        _byName = _candidates.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SearchDimension> Dimensions { get; }

    public IReadOnlyList<Candidate> Enumerate() => _candidates;

    public Candidate Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.StartsWith(ArchitecturePrefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[ArchitecturePrefix.Length..];
        }

        if (_byName.TryGetValue(trimmed.ToLowerInvariant(), out var candidate))
        {
            return candidate;
        }

        throw new UserErrorException(
            $"'{name}' is not a candidate of the ConvNet search space ({_candidates.Count} candidates). A candidate is " +
            "d{depth}-w{width}-{activation}-{normalization}-{pooling} with " +
            string.Join("; ", Dimensions.Select(d => $"{d.Name} {string.Join('|', d.Values)}")) +
            ", e.g. " + _candidates[0].Name + ".")
        {
            Value = name,
        };
    }

    public IReadOnlyList<Candidate> Sample(int count, long seed) => DimensionGrid.SampleBalanced(Dimensions, _byName, Format, count, seed);

    public IReadOnlyList<Candidate> Neighbours(Candidate candidate) => DimensionGrid.Neighbours(Dimensions, _byName, Format, Parse(candidate.Name));

    public string Architecture(Candidate candidate) => ArchitecturePrefix + Parse(candidate.Name).Name;

    private static string Format(IReadOnlyList<string> values) =>
        $"d{values[0]}-w{values[1]}-{values[2]}-{values[3]}-{values[4]}";

    private static SearchDimension Narrow(SearchDimension universe, IEnumerable<string>? chosen, string setting)
    {
        if (chosen is null)
        {
            return universe;
        }

        var values = chosen.Select(v => v.Trim().ToLowerInvariant()).ToList();
        if (values.Count == 0)
        {
            throw new UserErrorException($"The ConvNet space's {setting} list is empty: give at least one of {string.Join(", ", universe.Values)}, or leave it out for all.")
            {
                Setting = $"{SearchSections.Spaces}:{Name}:{setting}",
            };
        }

        foreach (var value in values)
        {
            if (!universe.Values.Contains(value))
            {
                throw new UserErrorException($"'{value}' is not among the ConvNet space's {universe.Name} values: use {string.Join(", ", universe.Values)}.")
                {
                    Setting = $"{SearchSections.Spaces}:{Name}:{setting}",
                    Value = value,
                };
            }
        }

        // The space's own order, whatever order the settings list them in; repeats count once.
        return universe with { Values = universe.Values.Where(values.Contains).ToList() };
    }
}
