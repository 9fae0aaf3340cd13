namespace Distillery.Data;

/// <summary>A dataset's train and test splits. Owns both.</summary>
public sealed class DatasetSplits(DatasetInfo info, LabeledImages train, LabeledImages test) : IDisposable
{
    public DatasetInfo Info { get; } = info;

    public LabeledImages Train { get; } = train;

    public LabeledImages Test { get; } = test;

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
