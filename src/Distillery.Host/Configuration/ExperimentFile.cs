using System.Text.Json;

namespace Distillery.Host.Configuration;

/// <summary>
/// An experiment file: a JSON object whose top-level <c>"scenario"</c> names the scenario to run and whose other
/// sections (<c>Methods</c>, <c>Evaluation</c>, <c>Scenarios</c>, ...) are laid over the configuration.
/// </summary>
public static class ExperimentFile
{
    public const string ScenarioKey = "scenario";

    /// <summary>A free-text note on what the experiment measures and how long it takes; no component reads it.</summary>
    public const string DescriptionKey = "description";

    /// <summary>Checks the file and reads its scenario; every problem is a <see cref="UserErrorException"/>.</summary>
    public static Experiment Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UserErrorException($"Experiment file '{path}' does not exist.");
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(full);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new UserErrorException(
                $"Experiment file '{path}' is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UserErrorException($"Experiment file '{path}' must hold a JSON object with a \"{ScenarioKey}\" property.");
            }

            var scenario = document.RootElement.EnumerateObject()
                .FirstOrDefault(p => string.Equals(p.Name, ScenarioKey, StringComparison.OrdinalIgnoreCase));
            if (scenario.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(scenario.Value.GetString()))
            {
                throw new UserErrorException(
                    $"Experiment file '{path}' has no \"{ScenarioKey}\" string naming the scenario to run, e.g. \"{ScenarioKey}\": \"benchmark\".");
            }

            return new Experiment(scenario.Value.GetString()!, full);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
