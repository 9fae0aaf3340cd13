namespace Distillery.Progress;

/// <summary>
/// Reports the progress of long work. The host draws it as progress bars on a terminal and as plain lines
/// otherwise, always on stderr.
/// </summary>
public interface IProgressReporter
{
    /// <summary>Starts a task of <paramref name="total"/> units; dispose it when done.</summary>
    IProgressTask Start(string description, double total);
}
