using Distillery.Progress;

namespace Distillery.Tests.Kit;

/// <summary>One task a <see cref="RecordingProgress"/> started.</summary>
internal sealed class RecordedTask(string title, double total) : IProgressTask
{
    public string Title { get; } = title;

    public double Total { get; } = total;

    public double Done { get; private set; }

    public List<string> Descriptions { get; } = [];

    public int Disposals { get; private set; }

    public bool Finished => Disposals > 0;

    public void Advance(double amount = 1) => Done += amount;

    public void Describe(string description) => Descriptions.Add(description);

    public void Dispose() => Disposals++;
}
