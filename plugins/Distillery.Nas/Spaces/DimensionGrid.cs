using Distillery.Randomness;
using Distillery.Search;

namespace Distillery.Nas.Spaces;

/// <summary>Enumeration, balanced sampling and one-step neighbours for a space that is the product of its dimensions.</summary>
internal static class DimensionGrid
{
    public static IReadOnlyList<Candidate> Enumerate(IReadOnlyList<SearchDimension> dimensions, Func<IReadOnlyList<string>, string> format)
    {
        IEnumerable<string[]> rows = [[]];
        foreach (var dimension in dimensions)
        {
            rows = rows.SelectMany(row => dimension.Values.Select(value => (string[])[.. row, value])).ToList();
        }

        return rows.Select(row => Make(dimensions, row, format)).ToList();
    }

    /// <summary>
    /// <paramref name="count"/> different candidates in which every value of every dimension appears as evenly as the
    /// count allows (each value at least once when the count is at least the dimension's size), drawn from
    /// <paramref name="seed"/>. With a count at least the space's size, every candidate in a seeded order.
    /// </summary>
    public static IReadOnlyList<Candidate> SampleBalanced(
        IReadOnlyList<SearchDimension> dimensions,
        IReadOnlyDictionary<string, Candidate> byName,
        Func<IReadOnlyList<string>, string> format,
        int count,
        long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(unchecked((int)SeedSequence.Derive(seed, "search-space sample")));
        if (count >= byName.Count)
        {
            var all = byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
            random.Shuffle(all);
            return all;
        }

        // Each dimension's column holds its values in shuffled rounds, so every value appears ⌊count/size⌋ or one more times.
        var columns = dimensions.Select(d => Column(d, count, random)).ToArray();
        var rows = Enumerable.Range(0, count).Select(i => columns.Select(column => column[i]).ToArray()).ToArray();

        // Swapping one dimension's values between two rows keeps every value's count; repeat until all rows differ.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            for (var attempt = 0; !seen.Add(format(rows[i])); attempt++)
            {
                if (attempt > 10_000)
                {
                    throw new InvalidOperationException("Could not draw distinct balanced candidates.");
                }

                var other = random.Next(count);
                var dimension = random.Next(dimensions.Count);
                if (other < i)
                {
                    // Rows before i are settled: swap only if it keeps that row distinct too.
                    var swapped = (string[])rows[other].Clone();
                    swapped[dimension] = rows[i][dimension];
                    if (seen.Contains(format(swapped)))
                    {
                        continue;
                    }

                    seen.Remove(format(rows[other]));
                    seen.Add(format(swapped));
                }

                (rows[i][dimension], rows[other][dimension]) = (rows[other][dimension], rows[i][dimension]);
            }
        }

        return rows.Select(row => byName[format(row)]).ToList();
    }

    public static IReadOnlyList<Candidate> Neighbours(
        IReadOnlyList<SearchDimension> dimensions,
        IReadOnlyDictionary<string, Candidate> byName,
        Func<IReadOnlyList<string>, string> format,
        Candidate candidate)
    {
        var values = dimensions.Select(d => candidate.Choices[d.Name]).ToArray();
        var neighbours = new List<Candidate>();
        for (var d = 0; d < dimensions.Count; d++)
        {
            foreach (var value in dimensions[d].Values.Where(v => v != values[d]))
            {
                var changed = (string[])values.Clone();
                changed[d] = value;
                neighbours.Add(byName[format(changed)]);
            }
        }

        return neighbours;
    }

    private static string[] Column(SearchDimension dimension, int count, Random random)
    {
        var column = new List<string>(count + dimension.Values.Count);
        while (column.Count < count)
        {
            var round = dimension.Values.ToArray();
            random.Shuffle(round);
            column.AddRange(round);
        }

        var result = column.Take(count).ToArray();
        random.Shuffle(result);
        return result;
    }

    private static Candidate Make(IReadOnlyList<SearchDimension> dimensions, IReadOnlyList<string> row, Func<IReadOnlyList<string>, string> format)
    {
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Count; d++)
        {
            choices[dimensions[d].Name] = row[d];
        }

        return new Candidate(format(row), choices);
    }
}
