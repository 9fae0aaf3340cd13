namespace Distillery.Scenarios.Continual;

/// <summary>The two ways a continual benchmark is scored.</summary>
internal static class ContinualSettings
{
    /// <summary>No task identity at test: predictions range over every class seen so far.</summary>
    public const string ClassIncremental = "class-incremental";

    /// <summary>The step is known at test: predictions range over that step's classes (logits masked).</summary>
    public const string TaskIncremental = "task-incremental";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { ClassIncremental, TaskIncremental };
}
