using System.Text.Json;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>The JSON form of <see cref="MemoryBufferSettings"/> kept in a buffer's header.</summary>
internal static class MemorySettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(MemoryBufferSettings settings) => JsonSerializer.Serialize(settings, Options);

    /// <exception cref="InvalidDataException">The text is not the JSON of buffer settings.</exception>
    public static MemoryBufferSettings Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<MemoryBufferSettings>(json, Options)
                ?? throw new InvalidDataException("the settings are null");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"the settings are not valid: {exception.Message}", exception);
        }
    }
}
