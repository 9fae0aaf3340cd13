using System.Text.RegularExpressions;

namespace Distillery.Tests.Host;

/// <summary>
/// A table as the console draws it, read back: the header cells and one row per record, with the lines of a cell that
/// wrapped joined again. Cells are compared without whitespace, since wrapping may break a cell anywhere.
/// </summary>
internal sealed partial record TextTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static TextTable Parse(string text)
    {
        var lines = text.Split('\n')
            .Select(l => Escapes().Replace(l, string.Empty))
            .Where(l => l.Contains('│') || l.Contains('|'))
            .Select(l => l.Split('│', '|')[1..^1].Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Any(c => c.Any(char.IsLetterOrDigit)))
            .ToList();
        var rows = new List<string[]>();
        foreach (var cells in lines.Skip(1))
        {
            if (cells[0].Length > 0 || rows.Count == 0)
            {
                rows.Add(cells);
                continue;
            }

            var last = rows[^1];
            for (var i = 0; i < last.Length && i < cells.Length; i++)
            {
                last[i] += cells[i];
            }
        }

        return new TextTable(lines.Count == 0 ? [] : lines[0], [.. rows.Select(r => r.Select(Compact).ToArray())]);
    }

    /// <summary>The cell text without whitespace, as <see cref="Rows"/> hold it.</summary>
    public static string Compact(string cell) => string.Concat(cell.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Escapes();
}
