namespace Distillery.Datasets.Cifar;

/// <summary>
/// The records of CIFAR-10's binary batches: one label byte, then 3×32×32 pixel bytes (red, green, blue planes,
/// rows top to bottom), gathered from several batch files into one pixel array and one label array.
/// </summary>
internal sealed class CifarRecords(int numClasses, int capacityHint)
{
    public const int Channels = 3;
    public const int Size = 32;
    public const int ImageBytes = Channels * Size * Size;
    public const int RecordBytes = 1 + ImageBytes;

    private readonly MemoryStream _pixels = new(capacityHint * ImageBytes);
    private readonly List<long> _labels = new(capacityHint);

    public int Count => _labels.Count;

    public byte[] Pixels => _pixels.GetBuffer();

    public long[] Labels => [.. _labels];

    /// <summary>Adds every record of one batch file, given by its name (for errors) and its bytes.</summary>
    public void Add(string source, ReadOnlySpan<byte> batch)
    {
        if (batch.Length == 0 || batch.Length % RecordBytes != 0)
        {
            throw new UserErrorException(
                $"'{source}' has {batch.Length} bytes, not a whole number of {RecordBytes}-byte CIFAR-10 records; "
                + "the file is truncated or not a CIFAR-10 binary batch. Download it again.");
        }

        for (var offset = 0; offset < batch.Length; offset += RecordBytes)
        {
            var label = batch[offset];
            if (label >= numClasses)
            {
                throw new UserErrorException(
                    $"'{source}' has label {label} in record {offset / RecordBytes}, outside 0..{numClasses - 1}; "
                    + "the file is corrupt or not a CIFAR-10 binary batch.");
            }

            _labels.Add(label);
            _pixels.Write(batch.Slice(offset + 1, ImageBytes));
        }
    }
}
