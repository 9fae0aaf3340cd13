namespace Distillery.Datasets.Idx;

/// <summary>The contents of an IDX file of unsigned bytes: its dimensions and its values in row-major order.</summary>
internal sealed record IdxArray(IReadOnlyList<int> Shape, byte[] Data)
{
    public int Count => Shape[0];
}
