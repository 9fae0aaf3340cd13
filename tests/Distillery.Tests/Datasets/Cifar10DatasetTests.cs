using Distillery.Data;
using Distillery.Datasets.Cifar;
using Distillery.Progress;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Tests.Datasets;

public sealed class Cifar10DatasetTests
{
    [Fact]
    public async Task Reads_extracted_batches()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder);

        using var splits = await Load(files, folder);

        AssertFixture(splits);
    }

    [Fact]
    public async Task Reads_batches_in_the_archive_folder_of_the_cache()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        CifarFixture.WriteExtracted(files.Root.Folder("cache", "cifar10", "cifar-10-batches-bin"));

        using var splits = await Load(files, path: null);

        AssertFixture(splits);
    }

    [Fact]
    public async Task Reads_batches_straight_from_the_archive()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        CifarFixture.WriteArchive(files.Root.Folder("system", "cifar10"));

        using var splits = await Load(files, path: null);

        AssertFixture(splits);
    }

    [Fact]
    public async Task Keeps_only_the_first_images_when_limited()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder);
        var options = new Cifar10Options { Path = folder, AllowDownload = false, MaxTrainImages = 8, MaxTestImages = 2 };

        using var splits = await new Cifar10Dataset(Options.Create(options), files.Resolver).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal(8, splits.Train.Count);
        Assert.Equal(2, splits.Test.Count);
        Assert.Equal(CifarFixture.Pixel(1, 1, 2, 3, 4) / 255f, splits.Train.Images[7, 2, 3, 4].item<float>(), 6);
    }

    [Fact]
    public async Task A_truncated_batch_names_the_file()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder, "data_batch_3.bin", bytes => bytes[..^100]);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, folder));

        Assert.Contains(Path.Combine(folder, "data_batch_3.bin"), error.Message);
        Assert.Contains("not a whole number of 3073-byte", error.Message);
    }

    [Fact]
    public async Task A_label_out_of_range_names_the_file_and_record()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var folder = files.Root.Folder("mine");
        CifarFixture.WriteExtracted(folder, "test_batch.bin", bytes =>
        {
            bytes[2 * CifarFixture.RecordBytes] = 12;
            return bytes;
        });

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, folder));

        Assert.Contains(Path.Combine(folder, "test_batch.bin"), error.Message);
        Assert.Contains("label 12 in record 2", error.Message);
    }

    [Fact]
    public async Task A_damaged_archive_names_the_file()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var archive = CifarFixture.WriteArchive(files.Root.Folder("system", "cifar10"));
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, path: null));

        Assert.Contains(archive, error.Message);
    }

    [Fact]
    public async Task Missing_data_points_at_the_archive()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(files, path: null));

        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", error.Message);
        Assert.Contains("--Datasets:cifar10:Path=", error.Message);
    }

    private static void AssertFixture(DatasetSplits splits)
    {
        Assert.Equal((3, 32, 32), (splits.Info.Channels, splits.Info.Height, splits.Info.Width));
        Assert.Equal([0.4914f, 0.4822f, 0.4465f], splits.Info.Mean);
        Assert.Equal([0.2023f, 0.1994f, 0.2010f], splits.Info.Std);
        Assert.Equal("truck", splits.Info.ClassNames[9]);

        Assert.Equal([5L * CifarFixture.RecordsPerTrainBatch, 3, 32, 32], splits.Train.Images.shape);
        Assert.Equal([(long)CifarFixture.TestRecords, 3, 32, 32], splits.Test.Images.shape);
        Assert.Equal(torch.ScalarType.Float32, splits.Train.Images.dtype);
        Assert.True(splits.Train.Images.min().item<float>() >= 0f);
        Assert.True(splits.Train.Images.max().item<float>() <= 1f);

        // Row 13 is record 1 of the third batch (index 2); the test split is batch index 5.
        Assert.Equal(CifarFixture.Label(2, 1), splits.Train.Labels[13].item<long>());
        Assert.Equal(CifarFixture.Pixel(2, 1, 1, 5, 9) / 255f, splits.Train.Images[13, 1, 5, 9].item<float>(), 6);
        Assert.Equal(CifarFixture.Pixel(5, 3, 2, 31, 0) / 255f, splits.Test.Images[3, 2, 31, 0].item<float>(), 6);
        Assert.Equal(
            Enumerable.Range(0, CifarFixture.TestRecords).Select(r => (long)CifarFixture.Label(5, r)),
            splits.Test.Labels.data<long>().ToArray());
    }

    private static Task<DatasetSplits> Load(DatasetFilesFixture files, string? path) =>
        new Cifar10Dataset(Options.Create(new Cifar10Options { Path = path, AllowDownload = false }), files.Resolver)
            .LoadAsync(NullProgressReporter.Instance, CancellationToken.None);
}
