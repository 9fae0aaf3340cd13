using System.Text.Json.Nodes;
using Distillery.Scenarios.Continual.Memory;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>A buffer's description as JSON.</summary>
internal static class MemoryJson
{
    public static JsonObject Describe(MemoryBufferInfo info) => new()
    {
        ["name"] = info.Name,
        ["dataset"] = info.Settings?.Dataset,
        ["method"] = info.Settings?.Method,
        ["method_options"] = info.Settings?.MethodOptionsJson,
        ["memory_per_class"] = info.Settings?.MemoryPerClass,
        ["seed"] = info.Settings?.Seed,
        ["class_order"] = info.Settings is { } s ? MemoryBufferSettings.Describe(s.Steps) : null,
        ["steps"] = new JsonArray(info.Steps.Select(step => (JsonNode)step).ToArray()),
        ["complete"] = info.IsComplete,
        ["images"] = info.Images,
        ["bytes"] = info.Bytes,
        ["schema"] = info.SchemaVersion,
        ["writer"] = info.Writer,
        ["damage"] = info.Damage,
    };
}
