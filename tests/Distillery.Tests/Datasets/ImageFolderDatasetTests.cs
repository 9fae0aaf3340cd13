using System.ComponentModel.DataAnnotations;
using Distillery.Data;
using Distillery.Datasets.ImageFolder;
using Distillery.Progress;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Distillery.Tests.Datasets;

public sealed class ImageFolderDatasetTests
{
    private const int Width = 6;
    private const int Height = 4;

    [Fact]
    public async Task Reads_train_and_test_folders_in_colour()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);

        using var splits = await Load(new ImageFolderOptions { Root = root.Path, Channels = 3 });

        Assert.Equal(["cat", "dog"], splits.Info.ClassNames);
        Assert.Equal((3, Height, Width), (splits.Info.Channels, splits.Info.Height, splits.Info.Width));
        Assert.Equal([5L, 3, Height, Width], splits.Train.Images.shape);
        Assert.Equal([2L, 3, Height, Width], splits.Test.Images.shape);
        Assert.Equal([0L, 0, 0, 1, 1], splits.Train.Labels.data<long>().ToArray());
        Assert.Equal([0L, 1], splits.Test.Labels.data<long>().ToArray());

        // Train row 3 is dog/0.png: colour (10 * 0 + 100, 20, 200) with a marked pixel at (x=2, y=1).
        var dog = splits.Train.Images[3];
        Assert.Equal(100 / 255f, dog[0, 0, 0].item<float>(), 6);
        Assert.Equal(20 / 255f, dog[1, 0, 0].item<float>(), 6);
        Assert.Equal(200 / 255f, dog[2, 0, 0].item<float>(), 6);
        Assert.Equal(1f, dog[0, 1, 2].item<float>(), 6);
        Assert.Equal(0f, dog[2, 1, 2].item<float>(), 6);

        using var expectedMean = splits.Train.Images.mean([0L, 2, 3]);
        Assert.Equal(expectedMean.data<float>().ToArray(), splits.Info.Mean);
        Assert.All(splits.Info.Std, s => Assert.True(s > 0));
    }

    [Fact]
    public async Task Converts_to_grey_and_resizes()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);

        using var splits = await Load(new ImageFolderOptions { Root = root.Path, Channels = 1, Width = 3, Height = 2 });

        Assert.Equal([5L, 1, 2, 3], splits.Train.Images.shape);
        Assert.Single(splits.Info.Mean);

        // cat/0.png is a uniform (0, 20, 200) image but for one red pixel, so its corner stays that colour's luminance.
        var grey = Math.Round((0.587 * 20) + (0.114 * 200)) / 255;
        Assert.Equal(grey, splits.Train.Images[0, 0, 1, 2].item<float>(), 2);
    }

    [Fact]
    public async Task Splits_a_single_folder_with_the_seed()
    {
        using var root = new TemporaryFolder();
        for (var i = 0; i < 5; i++)
        {
            WriteImage(root.Combine("a", $"{i}.png"), Width, Height, new SKColor((byte)(i * 40), 0, 0));
            WriteImage(root.Combine("b", $"{i}.png"), Width, Height, new SKColor(0, (byte)(i * 40), 0));
        }

        using var first = await Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = 7 });
        using var again = await Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = 7 });

        Assert.Equal(6, first.Train.Count);
        Assert.Equal(4, first.Test.Count);
        Assert.Equal([2, 2], Enumerable.Range(0, 2).Select(first.Test.CountOf));
        Assert.True(first.Test.Images.eq(again.Test.Images).all().item<bool>());

        var seeds = Enumerable.Range(0, 8).Select(seed => Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = seed }).Result);
        var distinct = seeds.Select(s =>
        {
            using (s)
            {
                return string.Join(",", s.Test.Images[.., 0, 0, 0].data<float>().ToArray());
            }
        }).Distinct().Count();
        Assert.True(distinct > 1, "Different seeds should give different splits.");
    }

    [Fact]
    public async Task An_empty_class_folder_is_named()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        root.Folder("train", "empty");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = root.Path }));

        Assert.Contains(root.Combine("train", "empty"), error.Message);
        Assert.Contains("no images", error.Message);
    }

    [Fact]
    public async Task A_folder_without_classes_is_refused()
    {
        using var root = new TemporaryFolder();

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = root.Path }));

        Assert.Contains("no class folders", error.Message);
    }

    [Fact]
    public async Task A_missing_root_is_refused()
    {
        using var root = new TemporaryFolder();

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = root.Combine("nope") }));

        Assert.Contains(root.Combine("nope"), error.Message);
    }

    [Fact]
    public async Task An_unreadable_image_is_named()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        var broken = root.Combine("train", "dog", "9.png");
        await File.WriteAllTextAsync(broken, "this is not a png");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = root.Path }));

        Assert.Contains(broken, error.Message);
    }

    [Fact]
    public async Task Images_of_different_sizes_need_a_resize()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        var odd = root.Combine("test", "dog", "big.png");
        WriteImage(odd, Width + 1, Height, SKColors.White);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = root.Path }));

        Assert.Contains(odd, error.Message);
        Assert.Contains($"{Width + 1}×{Height}", error.Message);
        Assert.Contains("Width and Height", error.Message);

        using var resized = await Load(new ImageFolderOptions { Root = root.Path, Width = Width, Height = Height });
        Assert.Equal(3, resized.Test.Count);
    }

    [Fact]
    public void Options_are_validated()
    {
        var errors = new List<ValidationResult>();
        var options = new ImageFolderOptions { Root = null, Channels = 2, Width = 8 };

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));

        var members = errors.SelectMany(e => e.MemberNames).ToArray();
        Assert.Contains(nameof(ImageFolderOptions.Channels), members);
        Assert.DoesNotContain(nameof(ImageFolderOptions.Root), members);
    }

    [Fact]
    public async Task A_missing_root_is_reported_when_the_dataset_is_used()
    {
        var error = await Assert.ThrowsAsync<UserErrorException>(() => Load(new ImageFolderOptions { Root = null }));
        Assert.Contains("Datasets:image-folder:Root", error.Message);
    }

    private static Task<DatasetSplits> Load(ImageFolderOptions options) =>
        new ImageFolderDataset(Options.Create(options)).LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

    /// <summary>train/cat: 3, train/dog: 2, test/cat: 1, test/dog: 1 images, each a flat colour with one red pixel at (2, 1).</summary>
    private static void WriteSplitLayout(TemporaryFolder root)
    {
        foreach (var (split, cls, count, red) in new[] { ("train", "cat", 3, 0), ("train", "dog", 2, 100), ("test", "cat", 1, 50), ("test", "dog", 1, 150) })
        {
            for (var i = 0; i < count; i++)
            {
                WriteImage(root.Combine(split, cls, $"{i}.png"), Width, Height, new SKColor((byte)((10 * i) + red), 20, 200));
            }
        }
    }

    private static void WriteImage(string path, int width, int height, SKColor colour)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(colour);
        bitmap.SetPixel(2, 1, new SKColor(255, 0, 0));
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
