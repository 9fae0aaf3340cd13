using Distillery.Progress;

namespace Distillery.Tests.Training;

/// <summary>Records what progress reporting receives.</summary>
internal sealed class RecordingProgress : IProgressReporter, IProgressTask
{
    public List<(string Description, double Total)> Started { get; } = [];

    public double Advanced { get; private set; }

    public int Disposed { get; private set; }

    public List<string> Descriptions { get; } = [];

    public IProgressTask Start(string description, double total)
    {
        Started.Add((description, total));
        return this;
    }

    public void Advance(double amount = 1) => Advanced += amount;

    public void Describe(string description) => Descriptions.Add(description);

    public void Dispose() => Disposed++;
}
