using System.IO.Compression;

namespace Distillery.Tests.Datasets;

/// <summary>
/// The committed Fashion-MNIST fixture: the first 100 training and 50 test images of the real data set, as gzip IDX files.
/// </summary>
internal static class FashionMnistFixture
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");

    public static IReadOnlyList<string> Names { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>The uncompressed bytes of one fixture file.</summary>
    public static byte[] Raw(string name)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Folder, name + ".gz")), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Writes every fixture file uncompressed, under its name without <c>.gz</c>, into <paramref name="folder"/>.</summary>
    public static void WriteRaw(string folder)
    {
        foreach (var name in Names)
        {
            File.WriteAllBytes(Path.Combine(folder, name), Raw(name));
        }
    }
}
