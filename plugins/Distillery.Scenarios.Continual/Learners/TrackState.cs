using System.Text.Json;

namespace Distillery.Scenarios.Continual;

/// <summary>What a track keeps after each step: the next step and the accuracy rows so far (weights go beside it).</summary>
internal sealed record TrackState(int NextStep, List<double[]> ClassRows, List<double[]> TaskRows)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static TrackState Empty => new(0, [], []);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="InvalidDataException">The text is not a track state.</exception>
    public static TrackState FromJson(string json)
    {
        try
        {
            var state = JsonSerializer.Deserialize<TrackState>(json, Options) ?? throw new InvalidDataException("the state is null");
            if (state.ClassRows.Count != state.NextStep || state.TaskRows.Count != state.NextStep)
            {
                throw new InvalidDataException($"the state of step {state.NextStep} has {state.ClassRows.Count} rows");
            }

            return state;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"the track state is not valid: {exception.Message}", exception);
        }
    }
}
