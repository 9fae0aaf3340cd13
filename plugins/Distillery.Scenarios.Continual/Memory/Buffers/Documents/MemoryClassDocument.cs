using System.Globalization;
using System.Text.Json.Serialization;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// The memory of one class at one step of one buffer: its provenance (JSON); its images are the document's
/// <see cref="ImagesTensor"/> tensor, and its soft labels, when the method learned them, its <see cref="SoftLabelsTensor"/>.
/// </summary>
internal sealed record MemoryClassDocument
{
    public const string BufferField = "buffer";

    public const string StepField = "step";

    public const string ImagesTensor = "images";

    public const string SoftLabelsTensor = "soft_labels";

    public required string Buffer { get; init; }

    public required int Step { get; init; }

    [JsonPropertyName("class")]
    public required int Label { get; init; }

    public required string Provenance { get; init; }

    public required DateTimeOffset SavedAt { get; init; }

    public static string IdOf(string buffer, int step, int label) =>
        string.Create(CultureInfo.InvariantCulture, $"{buffer}|step {step}|class {label}");
}
