using Distillery.Storage;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// Where memory buffers live: the <c>memory</c> artifact owner's <c>buffers</c> and <c>classes</c> collections
/// (stored as <c>memory_buffers</c> and <c>memory_classes</c>, the names workspaces have always used), schema 1.
/// </summary>
internal static class MemorySchema
{
    /// <summary>The artifact owner the continual plugin claims.</summary>
    public const string Owner = "memory";

    public const int Version = 1;

    /// <summary>One header per buffer, keyed by its name.</summary>
    public static ArtifactCollection Buffers { get; } = new("buffers", Version);

    /// <summary>One document per (buffer, step, class) with its images.</summary>
    public static ArtifactCollection Classes { get; } = new("classes", Version);
}
