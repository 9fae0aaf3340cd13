using Distillery.Progress;

namespace Distillery.Tests.Kit;

/// <summary>A progress reporter that remembers every task it started: its title, total, advances, descriptions and disposals.</summary>
internal sealed class RecordingProgress : IProgressReporter
{
    public List<RecordedTask> Tasks { get; } = [];

    /// <summary>The title and total of every task, in the order they were started.</summary>
    public IReadOnlyList<(string Title, double Total)> Started => [.. Tasks.Select(t => (t.Title, t.Total))];

    /// <summary>How far all tasks advanced together.</summary>
    public double Advanced => Tasks.Sum(t => t.Done);

    /// <summary>Every description given to any task after it started, in order per task.</summary>
    public IReadOnlyList<string> Descriptions => [.. Tasks.SelectMany(t => t.Descriptions)];

    public IProgressTask Start(string description, double total)
    {
        var task = new RecordedTask(description, total);
        Tasks.Add(task);
        return task;
    }
}
