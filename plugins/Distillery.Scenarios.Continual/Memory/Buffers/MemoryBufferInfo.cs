namespace Distillery.Scenarios.Continual.Memory;

/// <summary>A stored buffer: its settings, the steps it holds, and who is writing it now.</summary>
/// <param name="Name">The buffer's unique name.</param>
/// <param name="Settings">The settings it was made with; null when its header is damaged.</param>
/// <param name="Steps">The finished steps it holds, ascending.</param>
/// <param name="Images">How many images it holds.</param>
/// <param name="Bytes">The size of its images.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="SchemaVersion">The schema its header was written with.</param>
/// <param name="Writer">The process writing it now (e.g. <c>pid 123 on host</c>), or null.</param>
/// <param name="Damage">Why its header could not be read, or null.</param>
internal sealed record MemoryBufferInfo(
    string Name,
    MemoryBufferSettings? Settings,
    IReadOnlyList<int> Steps,
    long Images,
    long Bytes,
    DateTimeOffset CreatedAt,
    int SchemaVersion,
    string? Writer,
    string? Damage = null)
{
    /// <summary>True when every step of the settings' class order is stored.</summary>
    public bool IsComplete => Settings is not null && Enumerable.Range(0, Settings.Steps.Count).All(Steps.Contains);
}
