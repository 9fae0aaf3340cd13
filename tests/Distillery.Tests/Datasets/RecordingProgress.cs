using Distillery.Progress;

namespace Distillery.Tests.Datasets;

/// <summary>A progress reporter that remembers every task's total and how far it advanced.</summary>
internal sealed class RecordingProgress : IProgressReporter
{
    public List<Task> Tasks { get; } = [];

    public IProgressTask Start(string description, double total)
    {
        var task = new Task(description, total);
        Tasks.Add(task);
        return task;
    }

    internal sealed class Task(string description, double total) : IProgressTask
    {
        public string Description { get; private set; } = description;

        public double Total { get; } = total;

        public double Done { get; private set; }

        public bool Finished { get; private set; }

        public void Advance(double amount = 1) => Done += amount;

        public void Describe(string description) => Description = description;

        public void Dispose() => Finished = true;
    }
}
