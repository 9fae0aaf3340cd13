using System.Text.Json;
using System.Text.Json.Serialization;
using Distillery.Methods;

namespace Distillery.Learning;

/// <summary>The provenance of a set an iterative method learned: the request, its options and what the run measured.</summary>
public static class LearnedSetProvenance
{
    private static readonly JsonSerializerOptions EnumsAsNames = new() { Converters = { new JsonStringEnumConverter() } };

    /// <param name="request">The run's request.</param>
    /// <param name="method">The method's name.</param>
    /// <param name="options">The method's options object, stored as JSON with enumerations by name.</param>
    /// <param name="metrics">Figures of the run; <c>loss</c> is added when <paramref name="loss"/> is known.</param>
    /// <param name="loss">The last iteration's loss; null when this process ran no iteration (a finished run resumed).</param>
    /// <param name="started">When this process started the run.</param>
    public static SetProvenance Create(
        DistillationRequest request, string method, object options, Dictionary<string, double> metrics, double? loss, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        if (loss is { } last)
        {
            metrics["loss"] = last;
        }

        return new SetProvenance
        {
            Method = method,
            Dataset = request.Dataset.Name,
            ImagesPerClass = request.ImagesPerClass,
            Architecture = request.Architecture,
            Seed = request.Seed,
            OptionsJson = JsonSerializer.Serialize(options, options.GetType(), EnumsAsNames),
            DurationSeconds = (DateTimeOffset.UtcNow - started).TotalSeconds,
            Metrics = metrics,
        };
    }
}
