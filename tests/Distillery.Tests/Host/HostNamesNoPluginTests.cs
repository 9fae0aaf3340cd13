using System.Text.RegularExpressions;

namespace Distillery.Tests.Host;

/// <summary>
/// The host, the contract and the engine name no built-in plugin: everything about continual learning (its memory, its
/// commands, its settings) lives in its plugin. Comments and XML docs may still speak of it.
/// </summary>
public sealed partial class HostNamesNoPluginTests
{
    [Fact]
    public void NoCodeUnderSrcNamesTheContinualPlugin()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        sources.Should().NotBeEmpty();

        var mentions = sources
            .SelectMany(path => WithoutComments(File.ReadAllText(path))
                .Split('\n')
                .Select((line, index) => (path, index, line)))
            .Where(line => Continual().IsMatch(line.line))
            .Select(line => $"{Path.GetRelativePath(RepositoryPaths.Root, line.path)}:{line.index + 1}: {line.line.Trim()}")
            .ToList();

        mentions.Should().BeEmpty();
    }

    [Fact]
    public void TheCommentFilterKeepsCodeAndDropsComments()
    {
        var text = "var a = \"continual\"; // continual\n/// <summary>Continual</summary>\n/* continual\n continual */ var b = 1;";
        var kept = WithoutComments(text);

        Continual().Matches(kept).Should().ContainSingle();
        kept.Split('\n').Should().HaveCount(4, "line numbers stay where they were");
        kept.Should().Contain("var b = 1;");
    }

    /// <summary>Blanks out <c>//</c> and <c>/* */</c> comments (outside string literals), keeping the line breaks.</summary>
    private static string WithoutComments(string text) =>
        Comment().Replace(text, match => match.Value.StartsWith('"') || match.Value.StartsWith('@') || match.Value.StartsWith('$')
            ? match.Value
            : new string(match.Value.Where(c => c == '\n').ToArray()));

    [GeneratedRegex(@"[$@]*""(?:[^""\\\n]|\\.)*""|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex("[Cc]ontinual")]
    private static partial Regex Continual();
}
