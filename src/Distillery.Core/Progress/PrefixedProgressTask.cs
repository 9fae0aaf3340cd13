namespace Distillery.Progress;

/// <summary>
/// Passes progress through to another task, putting a fixed prefix before every description, so that an inner loop's
/// "epoch 12/300 · loss 0.4" still says which outer step it belongs to. Disposing it leaves the inner task running.
/// </summary>
public sealed class PrefixedProgressTask(IProgressTask inner, string prefix) : IProgressTask
{
    public void Advance(double amount = 1) => inner.Advance(amount);

    public void Describe(string description) => inner.Describe(prefix + description);

    public void Dispose()
    {
    }
}
