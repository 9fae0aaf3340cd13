using System.Text.Json;
using System.Text.Json.Serialization;
using Distillery.Methods;

namespace Distillery.Storage;

/// <summary>
/// The JSON form of a <see cref="SetProvenance"/> (camelCase, NaN and infinities as strings) that the workspace and
/// exported <c>.pt</c> files carry.
/// </summary>
public static class ProvenanceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(SetProvenance provenance) => JsonSerializer.Serialize(provenance, Options);

    /// <exception cref="InvalidDataException">The text is not the JSON of a provenance.</exception>
    public static SetProvenance Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SetProvenance>(json, Options)
                ?? throw new InvalidDataException("the provenance is null");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"the provenance is not valid: {exception.Message}", exception);
        }
    }
}
