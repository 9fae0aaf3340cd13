using System.Formats.Tar;
using System.IO.Compression;

namespace Distillery.Tests.Datasets;

/// <summary>
/// Generated CIFAR-10 binary batches: record r of batch b has label (b + r) % 10 and pixel values that encode where
/// they are, so a test can tell any byte's origin.
/// </summary>
internal static class CifarFixture
{
    public const int RecordsPerTrainBatch = 6;
    public const int TestRecords = 4;
    public const int RecordBytes = 3073;

    public static IReadOnlyList<string> BatchNames { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"];

    public static byte Label(int batch, int record) => (byte)((batch + record) % 10);

    /// <summary>The pixel at channel <paramref name="c"/>, row <paramref name="y"/>, column <paramref name="x"/>.</summary>
    public static byte Pixel(int batch, int record, int c, int y, int x) => (byte)((batch * 40) + (record * 7) + (c * 50) + y + x);

    public static byte[] Batch(int batch)
    {
        var records = batch == 5 ? TestRecords : RecordsPerTrainBatch;
        var bytes = new byte[records * RecordBytes];
        for (var r = 0; r < records; r++)
        {
            var at = r * RecordBytes;
            bytes[at++] = Label(batch, r);
            for (var c = 0; c < 3; c++)
            {
                for (var y = 0; y < 32; y++)
                {
                    for (var x = 0; x < 32; x++)
                    {
                        bytes[at++] = Pixel(batch, r, c, y, x);
                    }
                }
            }
        }

        return bytes;
    }

    /// <summary>Writes the six batch files into <paramref name="folder"/>, changing one if asked.</summary>
    public static void WriteExtracted(string folder, string? changedName = null, Func<byte[], byte[]>? change = null)
    {
        for (var b = 0; b < BatchNames.Count; b++)
        {
            var bytes = Batch(b);
            File.WriteAllBytes(Path.Combine(folder, BatchNames[b]), BatchNames[b] == changedName ? change!(bytes) : bytes);
        }
    }

    /// <summary>Writes <c>cifar-10-binary.tar.gz</c> as the original is laid out (a <c>cifar-10-batches-bin</c> folder).</summary>
    public static string WriteArchive(string folder)
    {
        var path = Path.Combine(folder, "cifar-10-binary.tar.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "cifar-10-batches-bin/"));
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "cifar-10-batches-bin/readme.html")
        {
            DataStream = new MemoryStream("readme"u8.ToArray()),
        });
        for (var b = 0; b < BatchNames.Count; b++)
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "cifar-10-batches-bin/" + BatchNames[b])
            {
                DataStream = new MemoryStream(Batch(b)),
            });
        }

        return path;
    }
}
