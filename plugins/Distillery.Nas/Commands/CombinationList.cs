namespace Distillery.Nas.Commands;

/// <summary>
/// The value of <c>nas-report --combine</c>: combinations separated by commas, each two or more proxies joined by
/// <c>+</c>. A proxy's label may hold commas and plus signs inside its parentheses
/// (<c>set (Set=a, Augmentation=none)</c>); they separate nothing there.
/// </summary>
internal static class CombinationList
{
    public static List<IReadOnlyList<string>> Parse(string? combine)
    {
        var combinations = new List<IReadOnlyList<string>>();
        foreach (var combination in OutsideParentheses(combine ?? string.Empty, ',').Where(c => c.Length > 0))
        {
            var parts = OutsideParentheses(combination, '+').ToList();
            if (parts.Count < 2 || parts.Exists(string.IsNullOrEmpty))
            {
                throw new UserErrorException(
                    $"--combine takes two or more proxies joined by '+', comma-separated (e.g. set+naswot,set+subset+early-stop); got '{combination}'.")
                {
                    Value = combine,
                };
            }

            combinations.Add(parts);
        }

        return combinations;
    }

    /// <summary>The pieces of <paramref name="text"/> between the <paramref name="separator"/>s that stand outside parentheses, trimmed.</summary>
    private static IEnumerable<string> OutsideParentheses(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (text[i] == separator && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }
}
