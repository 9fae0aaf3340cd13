namespace Distillery.Progress;

/// <summary>A reporter that shows nothing.</summary>
public sealed class NullProgressReporter : IProgressReporter
{
    public static NullProgressReporter Instance { get; } = new();

    public IProgressTask Start(string description, double total) => NullTask.Instance;

    private sealed class NullTask : IProgressTask
    {
        public static NullTask Instance { get; } = new();

        public void Advance(double amount = 1)
        {
        }

        public void Describe(string description)
        {
        }

        public void Dispose()
        {
        }
    }
}
