using System.Text.Json;
using System.Text.Json.Serialization;

namespace Distillery.Runs;

/// <summary>
/// A component's options object as JSON, defaults included: what a run key hashes and what provenance keeps, so a
/// changed default changes the key and the record says what the run really used.
/// </summary>
public static class OptionsJson
{
    private static readonly JsonSerializerOptions Settings = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, options.GetType(), Settings);
    }
}
