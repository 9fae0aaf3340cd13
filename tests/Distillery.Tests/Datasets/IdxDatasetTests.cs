using System.Buffers.Binary;
using Distillery.Data;
using Distillery.Datasets.Idx;
using Distillery.Progress;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Options;
using TorchSharp;
using Xunit.Abstractions;

namespace Distillery.Tests.Datasets;

public sealed class IdxDatasetTests(ITestOutputHelper output)
{
    private static readonly int[] TrainClassCounts = [12, 11, 9, 15, 9, 11, 10, 8, 4, 11];
    private static readonly int[] TestClassCounts = [3, 7, 6, 5, 5, 4, 5, 7, 4, 4];

    [Fact]
    public async Task ReadsTheGzipFixture()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        using var splits = await Load(files, FashionMnistFixture.Folder);

        AssertFixture(splits);
    }

    [Fact]
    public async Task ReadsRawFilesTheSameAsGzipOnes()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var raw = files.Root.Folder("raw");
        FashionMnistFixture.WriteRaw(raw);

        using var fromRaw = await Load(files, raw);
        using var fromGzip = await Load(files, FashionMnistFixture.Folder);

        AssertFixture(fromRaw);
        fromRaw.Train.Images.eq(fromGzip.Train.Images).all().item<bool>().Should().BeTrue();
        fromRaw.Test.Labels.eq(fromGzip.Test.Labels).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task KeepsOnlyTheFirstImagesWhenLimited()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var options = new FashionMnistOptions { Path = FashionMnistFixture.Folder, AllowDownload = false, MaxTrainImages = 10, MaxTestImages = 1000 };
        using var splits = await new FashionMnistDataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        splits.Train.Images.shape.Should().Equal([10L, 1, 28, 28]);
        splits.Train.Labels.data<long>().ToArray().Should().Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
        splits.Test.Count.Should().Be(50);
    }

    [Fact]
    public async Task MnistUsesItsOwnStatisticsAndClassNames()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var options = new MnistOptions { Path = FashionMnistFixture.Folder, AllowDownload = false };
        using var splits = await new MnistDataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        splits.Info.Name.Should().Be("mnist");
        splits.Info.Mean.Should().Equal([0.1307f]);
        splits.Info.Std.Should().Equal([0.3081f]);
        splits.Info.ClassNames[7].Should().Be("7");
    }

    [Fact]
    public async Task MissingFilesWithoutDownloadsNameTheDebianPackage()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);

        var error = (await FluentActions.Awaiting(() => Load(files, path: null)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("train-images-idx3-ubyte.gz");
        error.Message.Should().Contain("apt-get install dataset-fashion-mnist");
        error.Message.Should().Contain("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz");
        error.Message.Should().Contain("--Datasets:fashion-mnist:Path=");
    }

    [Fact]
    public async Task AWrongMagicNumberNamesTheFile()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TrainImages, bytes => { bytes[3] = 1; return bytes; });

        error.Message.Should().Contain("magic number is 0x00000801, expected 0x00000803");
    }

    [Fact]
    public async Task ATruncatedFileNamesTheFileAndTheShortfall()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TestImages, bytes => bytes[..(16 + 1000)]);

        error.Message.Should().Contain("truncated");
        error.Message.Should().Contain("[50, 28, 28] = 39200 bytes");
        error.Message.Should().Contain("only 1000");
    }

    [Fact]
    public async Task AFileCutInsideItsHeaderIsTruncated()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TrainLabels, bytes => bytes[..6]);

        error.Message.Should().Contain("truncated");
    }

    [Fact]
    public async Task LabelAndImageCountsMustAgree()
    {
        var error = await LoadCorrupted(
            FashionMnistFixture.TrainLabels,
            bytes =>
            {
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 99);
                return bytes[..(8 + 99)];
            });

        error.Message.Should().Contain("99 labels");
        error.Message.Should().Contain("100 images");
    }

    [Fact]
    public async Task ALabelOutOfRangeNamesTheFileAndPosition()
    {
        var error = await LoadCorrupted(FashionMnistFixture.TestLabels, bytes => { bytes[8 + 7] = 10; return bytes; });

        error.Message.Should().Contain("label 10 at position 7");
    }

    [Fact]
    public async Task BadGzipNamesTheFile()
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

        var error = (await FluentActions.Awaiting(() => Load(files, folder)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(path);
        error.Message.Should().Contain("gzip");
    }

    [Fact]
    public async Task ACutGzipFileNamesTheFile()
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

        var error = (await FluentActions.Awaiting(() => Load(files, folder)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(path);
    }

    /// <summary>The real Debian files, when the package is installed; otherwise this test has nothing to check.</summary>
    [Fact]
    public async Task ReadsTheRealDebianFilesWhenInstalled()
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

        splits.Train.Images.shape.Should().Equal([60_000L, 1, 28, 28]);
        splits.Test.Images.shape.Should().Equal([10_000L, 1, 28, 28]);
        Enumerable.Range(0, 10).Should().AllSatisfy(c => splits.Train.CountOf(c).Should().Be(6000));
        Enumerable.Range(0, 10).Should().AllSatisfy(c => splits.Test.CountOf(c).Should().Be(1000));
        ((double)splits.Train.Images.mean().item<float>()).Should().BeApproximately(0.2860, 5e-4);

        // A generous bound that holds on a busy machine; converting pixel by pixel through tensors would take minutes.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), $"Loading took {watch.Elapsed}.");
    }

    private static void AssertFixture(DatasetSplits splits)
    {
        splits.Info.Name.Should().Be("fashion-mnist");
        (splits.Info.Channels, splits.Info.Height, splits.Info.Width).Should().Be((1, 28, 28));
        splits.Info.ClassNames[9].Should().Be("Ankle boot");
        splits.Info.Mean.Should().Equal([0.2861f]);
        splits.Info.Std.Should().Equal([0.3530f]);

        splits.Train.Images.shape.Should().Equal([100L, 1, 28, 28]);
        splits.Test.Images.shape.Should().Equal([50L, 1, 28, 28]);
        splits.Train.Images.dtype.Should().Be(torch.ScalarType.Float32);
        splits.Train.Labels.dtype.Should().Be(torch.ScalarType.Int64);
        splits.Train.Images.min().item<float>().Should().Be(0f);
        splits.Train.Images.max().item<float>().Should().Be(1f);
        ((double)splits.Train.Images[0, 0, 14, 14].item<float>()).Should().BeApproximately(217f / 255f, 5e-7);
        ((double)splits.Train.Images[0, 0, 3, 12].item<float>()).Should().BeApproximately(1f / 255f, 5e-7);
        ((double)splits.Train.Images.mean().item<float>()).Should().BeApproximately(0.28454, 5e-5);

        Enumerable.Range(0, 10).Select(splits.Train.CountOf).Should().Equal(TrainClassCounts);
        Enumerable.Range(0, 10).Select(splits.Test.CountOf).Should().Equal(TestClassCounts);
        splits.Test.Labels[..10].data<long>().ToArray().Should().Equal([9L, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
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

        var error = (await FluentActions.Awaiting(() => Load(files, folder)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain(path);
        return error;
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No downloads in this test.");
    }
}
