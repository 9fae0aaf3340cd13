using System.Globalization;

namespace Distillery.Host.Cli;

/// <summary>Parses <c>--snapshot-at 250,500,1000</c>.</summary>
public static class SnapshotIterations
{
    /// <summary>The iterations in ascending order without repeats, or null when the text is not such a list.</summary>
    public static IReadOnlyList<int>? Parse(string text)
    {
        var iterations = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var iteration) || iteration < 1)
            {
                return null;
            }

            iterations.Add(iteration);
        }

        return [.. iterations];
    }
}
