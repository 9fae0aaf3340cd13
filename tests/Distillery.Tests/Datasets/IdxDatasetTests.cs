using System.Buffers.Binary;
using Distillery.Data;
using Distillery.Datasets.Idx;
using Distillery.Progress;
using Microsoft.Extensions.Options;
using TorchSharp;
using Xunit.Abstractions;

namespace Distillery.Tests.Datasets;

public sealed class IdxDatasetTests(ITestOutputHelper output)
{
    private static readonly int[] TrainClassCounts = [12, 11, 9, 15, 9, 11, 10, 8, 4, 11];
    private static readonly int[] TestClassCounts = [3, 7, 6, 5, 5, 4, 5, 7, 4, 4];

    [Fact]
    public async Task Reads_the_gzip_fixture()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        using var splits = await Load(files, FashionMnistFixture.Folder);

        AssertFixture(splits);
    }

    [Fact]
    public async Task Reads_raw_files_the_same_as_gzip_ones()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var raw = files.Root.Folder("raw");
        FashionMnistFixture.WriteRaw(raw);

        using var fromRaw = await Load(files, raw);
        using var fromGzip = await Load(files, FashionMnistFixture.Folder);

        AssertFixture(fromRaw);
        Assert.True(fromRaw.Train.Images.eq(fromGzip.Train.Images).all().item<bool>());
        Assert.True(fromRaw.Test.Labels.eq(fromGzip.Test.Labels).all().item<bool>());
    }

    [Fact]
    public async Task Keeps_only_the_first_images_when_limited()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var options = new FashionMnistOptions { Path = FashionMnistFixture.Folder, AllowDownload = false, MaxTrainImages = 10, MaxTestImages = 1000 };
        using var splits = await new FashionMnistDataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal([10L, 1, 28, 28], splits.Train.Images.shape);
        Assert.Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5], splits.Train.Labels.data<long>().ToArray());
        Assert.Equal(50, splits.Test.Count);
    }

    [Fact]
    public async Task Mnist_uses_its_own_statistics_and_class_names()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var options = new MnistOptions { Path = FashionMnistFixture.Folder, AllowDownload = false };
        using var splits = await new MnistDataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal("mnist", splits.Info.Name);
        Assert.Equal([0.1307f], splits.Info.Mean);
        Assert.Equal([0.3081f], splits.Info.Std);
        Assert.Equal("7", splits.Info.ClassNames[7]);
    }

    [Fact]
    public async Task Missing_files_without_downloads_name_the_debian_package()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, path: null));

        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("--Datasets:fashion-mnist:Path=", error.Message);
    }

    [Fact]
    public async Task A_wrong_magic_number_names_the_file()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TrainImages, bytes => { bytes[3] = 1; return bytes; });

        Assert.Contains("magic number is 0x00000801, expected 0x00000803", error.Message);
    }

    [Fact]
    public async Task A_truncated_file_names_the_file_and_the_shortfall()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TestImages, bytes => bytes[..(16 + 1000)]);

        Assert.Contains("truncated", error.Message);
        Assert.Contains("[50, 28, 28] = 39200 bytes", error.Message);
        Assert.Contains("only 1000", error.Message);
    }

    [Fact]
    public async Task A_file_cut_inside_its_header_is_truncated()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TrainLabels, bytes => bytes[..6]);

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task Label_and_image_counts_must_agree()
    {
        var error = await LoadCorrupted(
            FashionMnistFixture.TrainLabels,
            bytes =>
            {
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 99);
                return bytes[..(8 + 99)];
            });

        Assert.Contains("99 labels", error.Message);
        Assert.Contains("100 images", error.Message);
    }

    [Fact]
    public async Task A_label_out_of_range_names_the_file_and_position()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TestLabels, bytes => { bytes[8 + 7] = 10; return bytes; });

        Assert.Contains("label 10 at position 7", error.Message);
    }

    [Fact]
    public async Task Bad_gzip_names_the_file()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("corrupt");
        foreach (var name in FashionMnistFixture.Names)
        {
            File.Copy(Path.Combine(FashionMnistFixture.Folder, name + ".gz"), Path.Combine(folder, name + ".gz"));
        }

        var path = Path.Combine(folder, FashionMnistFixture.TrainImages + ".gz");
        var bytes = File.ReadAllBytes(path);
        for (var i = 10; i < 200; i++)
        {
            bytes[i] = 0xff;
        }

        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, folder));

        Assert.Contains(path, error.Message);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public async Task A_cut_gzip_file_names_the_file()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("corrupt");
        foreach (var name in FashionMnistFixture.Names)
        {
            File.Copy(Path.Combine(FashionMnistFixture.Folder, name + ".gz"), Path.Combine(folder, name + ".gz"));
        }

        var path = Path.Combine(folder, FashionMnistFixture.TrainImages + ".gz");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, folder));

        Assert.Contains(path, error.Message);
    }

    /// <summary>The real Debian files, when the package is installed; otherwise this test has nothing to check.</summary>
    [Fact]
    public async Task Reads_the_real_debian_files_when_installed()
    {
        const string system = "/usr/share/datasets";
        if (!File.Exists(Path.Combine(system, "fashion-mnist", "train-images-idx3-ubyte.gz")))
        {
            return;
        }

        using var cache = new TemporaryFolder();
        var options = Options.Create(new Distillery.Data.Files.DatasetFilesOptions { CacheRoot = cache.Path, SystemRoot = system, AllowDownload = false });
        var resolver = new Distillery.Data.Files.DatasetFileResolver(options, new Distillery.Data.Files.DatasetFileDownloader(new NoHttp()), new Distillery.Data.Files.DatasetFileLedger());
        var dataset = new FashionMnistDataset(Options.Create(new FashionMnistOptions { AllowDownload = false }), resolver);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var splits = await dataset.LoadAsync(NullProgressReporter.Instance, CancellationToken.None);
        watch.Stop();
        output.WriteLine($"Loaded the real Fashion-MNIST (60,000 + 10,000 images) in {watch.ElapsedMilliseconds} ms.");

        Assert.Equal([60_000L, 1, 28, 28], splits.Train.Images.shape);
        Assert.Equal([10_000L, 1, 28, 28], splits.Test.Images.shape);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(6000, splits.Train.CountOf(c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, splits.Test.CountOf(c)));
        Assert.Equal(0.2860, splits.Train.Images.mean().item<float>(), 3);

        // A generous bound that holds on a busy machine; converting pixel by pixel through tensors would take minutes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"Loading took {watch.Elapsed}.");
    }

    private static void AssertFixture(DatasetSplits splits)
    {
        Assert.Equal("fashion-mnist", splits.Info.Name);
        Assert.Equal((1, 28, 28), (splits.Info.Channels, splits.Info.Height, splits.Info.Width));
        Assert.Equal("Ankle boot", splits.Info.ClassNames[9]);
        Assert.Equal([0.2861f], splits.Info.Mean);
        Assert.Equal([0.3530f], splits.Info.Std);

        Assert.Equal([100L, 1, 28, 28], splits.Train.Images.shape);
        Assert.Equal([50L, 1, 28, 28], splits.Test.Images.shape);
        Assert.Equal(torch.ScalarType.Float32, splits.Train.Images.dtype);
        Assert.Equal(torch.ScalarType.Int64, splits.Train.Labels.dtype);
        Assert.Equal(0f, splits.Train.Images.min().item<float>());
        Assert.Equal(1f, splits.Train.Images.max().item<float>());
        Assert.Equal(217f / 255f, splits.Train.Images[0, 0, 14, 14].item<float>(), 6);
        Assert.Equal(1f / 255f, splits.Train.Images[0, 0, 3, 12].item<float>(), 6);
        Assert.Equal(0.28454, splits.Train.Images.mean().item<float>(), 4);

        Assert.Equal(TrainClassCounts, Enumerable.Range(0, 10).Select(splits.Train.CountOf));
        Assert.Equal(TestClassCounts, Enumerable.Range(0, 10).Select(splits.Test.CountOf));
        Assert.Equal([9L, 2, 1, 1, 6, 1, 4, 6, 5, 7], splits.Test.Labels[..10].data<long>().ToArray());
    }

    private static Task<DatasetSplits> Load(DatasetFilesFixture files, string? path) =>
        new FashionMnistDataset(Options.Create(new FashionMnistOptions { Path = path, AllowDownload = false }), files.Resolver)
            .LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

    /// <summary>Loads the fixture with one file changed (written raw) and returns the error, checking that it names that file.</summary>
    private static async Task<UserErrorException> LoadCorrupted(string name, Func<byte[], byte[]> change)
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("corrupt");
        FashionMnistFixture.WriteRaw(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, change(FashionMnistFixture.Raw(name)));

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, folder));
        Assert.Contains(path, error.Message);
        return error;
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No downloads in this test.");
    }
}
