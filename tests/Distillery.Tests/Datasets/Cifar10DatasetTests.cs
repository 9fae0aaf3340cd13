using Distillery.Data;
using Distillery.Datasets.Cifar;
using Distillery.Progress;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Tests.Datasets;

public sealed class Cifar10DatasetTests
{
    [Fact]
    public async Task ReadsExtractedBatches()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder);

        using var splits = await Load(files, folder);

        AssertFixture(splits);
    }

    [Fact]
    public async Task ReadsBatchesInTheArchiveFolderOfTheCache()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        CifarFixture.WriteExtracted(files.Root.Folder("cache", "cifar10", "cifar-10-batches-bin"));

        using var splits = await Load(files, path: null);

        AssertFixture(splits);
    }

    [Fact]
    public async Task ReadsBatchesStraightFromTheArchive()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        CifarFixture.WriteArchive(files.Root.Folder("system", "cifar10"));

        using var splits = await Load(files, path: null);

        AssertFixture(splits);
    }

    [Fact]
    public async Task KeepsOnlyTheFirstImagesWhenLimited()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder);
        var options = new Cifar10Options { Path = folder, AllowDownload = false, MaxTrainImages = 8, MaxTestImages = 2 };

        using var splits = await new Cifar10Dataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        splits.Train.Count.Should().Be(8);
        splits.Test.Count.Should().Be(2);
        ((double)splits.Train.Images[7, 2, 3, 4].item<float>()).Should().BeApproximately(CifarFixture.Pixel(1, 1, 2, 3, 4) / 255f, 5e-7);
    }

    [Fact]
    public async Task ATruncatedBatchNamesTheFile()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder, "data_batch_3.bin", bytes => bytes[..^100]);

        var error = (await FluentActions.Awaiting(() => Load(files, folder)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(Path.Combine(folder, "data_batch_3.bin"));
        error.Message.Should().Contain("not a whole number of 3073-byte");
    }

    [Fact]
    public async Task ALabelOutOfRangeNamesTheFileAndRecord()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder, "test_batch.bin", bytes =>
        {
            bytes[2 * CifarFixture.RecordBytes] = 12;
            return bytes;
        });

        var error = (await FluentActions.Awaiting(() => Load(files, folder)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(Path.Combine(folder, "test_batch.bin"));
        error.Message.Should().Contain("label 12 in record 2");
    }

    [Fact]
    public async Task ADamagedArchiveNamesTheFile()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var archive = CifarFixture.WriteArchive(files.Root.Folder("system", "cifar10"));
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);

        var error = (await FluentActions.Awaiting(() => Load(files, path: null)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(archive);
    }

    [Fact]
    public async Task MissingDataPointsAtTheArchive()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);

        var error = (await FluentActions.Awaiting(() => Load(files, path: null)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
        error.Message.Should().Contain("--Datasets:cifar10:Path=");
    }

    private static void AssertFixture(DatasetSplits splits)
    {
        (splits.Info.Channels, splits.Info.Height, splits.Info.Width).Should().Be((3, 32, 32));
        splits.Info.Mean.Should().Equal([0.4914f, 0.4822f, 0.4465f]);
        splits.Info.Std.Should().Equal([0.2023f, 0.1994f, 0.2010f]);
        splits.Info.ClassNames[9].Should().Be("truck");

        splits.Train.Images.shape.Should().Equal([5L * CifarFixture.RecordsPerTrainBatch, 3, 32, 32]);
        splits.Test.Images.shape.Should().Equal([(long)CifarFixture.TestRecords, 3, 32, 32]);
        splits.Train.Images.dtype.Should().Be(torch.ScalarType.Float32);
        splits.Train.Images.min().item<float>().Should().BeGreaterThanOrEqualTo(0f);
        splits.Train.Images.max().item<float>().Should().BeLessThanOrEqualTo(1f);

        // Row 13 is record 1 of the third batch (index 2); the test split is batch index 5.
        splits.Train.Labels[13].item<long>().Should().Be(CifarFixture.Label(2, 1));
        ((double)splits.Train.Images[13, 1, 5, 9].item<float>()).Should().BeApproximately(CifarFixture.Pixel(2, 1, 1, 5, 9) / 255f, 5e-7);
        ((double)splits.Test.Images[3, 2, 31, 0].item<float>()).Should().BeApproximately(CifarFixture.Pixel(5, 3, 2, 31, 0) / 255f, 5e-7);
        splits.Test.Labels.data<long>().ToArray().Should().Equal(Enumerable.Range(0, CifarFixture.TestRecords).Select(r => (long)CifarFixture.Label(5, r)));
    }

    private static Task<DatasetSplits> Load(DatasetFilesFixture files, string? path) =>
        new Cifar10Dataset(Options.Create(new Cifar10Options { Path = path, AllowDownload = false }), files.Resolver)
            .LoadAsync(NullProgressReporter.Instance, CancellationToken.None);
}
