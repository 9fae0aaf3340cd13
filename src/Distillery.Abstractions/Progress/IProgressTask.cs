namespace Distillery.Progress;

/// <summary>One unit of work being reported. Disposing it marks it finished.</summary>
public interface IProgressTask : IDisposable
{
    void Advance(double amount = 1);

    /// <summary>Replaces the description, e.g. to show the current loss.</summary>
    void Describe(string description);
}
