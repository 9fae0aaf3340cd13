namespace Distillery.Data;

/// <summary>
/// The shape of a dataset and the per-channel mean and standard deviation used to normalize it
/// (the reference values for the standard datasets, measured values for a user's own).
/// </summary>
public sealed record DatasetInfo(
    string Name,
    int Channels,
    int Height,
    int Width,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std)
{
    public int NumClasses => ClassNames.Count;
}
