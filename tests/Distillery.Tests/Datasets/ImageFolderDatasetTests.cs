using System.ComponentModel.DataAnnotations;
using Distillery.Data;
using Distillery.Datasets.ImageFolder;
using Distillery.Progress;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Distillery.Tests.Datasets;

public sealed class ImageFolderDatasetTests
{
    private const int Width = 6;
    private const int Height = 4;

    [Fact]
    public async Task ReadsTrainAndTestFoldersInColour()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);

        using var splits = await Load(new ImageFolderOptions { Root = root.Path, Channels = 3 });

        splits.Info.ClassNames.Should().Equal(["cat", "dog"]);
        (splits.Info.Channels, splits.Info.Height, splits.Info.Width).Should().Be((3, Height, Width));
        splits.Train.Images.shape.Should().Equal([5L, 3, Height, Width]);
        splits.Test.Images.shape.Should().Equal([2L, 3, Height, Width]);
        splits.Train.Labels.data<long>().ToArray().Should().Equal([0L, 0, 0, 1, 1]);
        splits.Test.Labels.data<long>().ToArray().Should().Equal([0L, 1]);

        // Train row 3 is dog/0.png: colour (10 * 0 + 100, 20, 200) with a marked pixel at (x=2, y=1).
        var dog = splits.Train.Images[3];
        ((double)dog[0, 0, 0].item<float>()).Should().BeApproximately(100 / 255f, 5e-7);
        ((double)dog[1, 0, 0].item<float>()).Should().BeApproximately(20 / 255f, 5e-7);
        ((double)dog[2, 0, 0].item<float>()).Should().BeApproximately(200 / 255f, 5e-7);
        ((double)dog[0, 1, 2].item<float>()).Should().BeApproximately(1f, 5e-7);
        ((double)dog[2, 1, 2].item<float>()).Should().BeApproximately(0f, 5e-7);

        using var expectedMean = splits.Train.Images.mean([0L, 2, 3]);
        splits.Info.Mean.Should().Equal(expectedMean.data<float>().ToArray());
        splits.Info.Std.Should().AllSatisfy(s => s.Should().BeGreaterThan(0));
    }

    [Fact]
    public async Task ConvertsToGreyAndResizes()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);

        using var splits = await Load(new ImageFolderOptions { Root = root.Path, Channels = 1, Width = 3, Height = 2 });

        splits.Train.Images.shape.Should().Equal([5L, 1, 2, 3]);
        splits.Info.Mean.Should().ContainSingle();

        // cat/0.png is a uniform (0, 20, 200) image but for one red pixel, so its corner stays that colour's luminance.
        var grey = Math.Round((0.587 * 20) + (0.114 * 200)) / 255;
        ((double)splits.Train.Images[0, 0, 1, 2].item<float>()).Should().BeApproximately(grey, 5e-3);
    }

    [Fact]
    public async Task SplitsASingleFolderWithTheSeed()
    {
        using var root = new TemporaryFolder();
        for (var i = 0; i < 5; i++)
        {
            WriteImage(root.Combine("a", $"{i}.png"), Width, Height, new SKColor((byte)(i * 40), 0, 0));
            WriteImage(root.Combine("b", $"{i}.png"), Width, Height, new SKColor(0, (byte)(i * 40), 0));
        }

        using var first = await Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = 7 });
        using var again = await Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = 7 });

        first.Train.Count.Should().Be(6);
        first.Test.Count.Should().Be(4);
        Enumerable.Range(0, 2).Select(first.Test.CountOf).Should().Equal([2, 2]);
        first.Test.Images.eq(again.Test.Images).all().item<bool>().Should().BeTrue();

        var seeds = Enumerable.Range(0, 8).Select(seed => Load(new ImageFolderOptions { Root = root.Path, TestFraction = 0.4, Seed = seed }).Result);
        var distinct = seeds.Select(s =>
        {
            using (s)
            {
                return string.Join(",", s.Test.Images[.., 0, 0, 0].data<float>().ToArray());
            }
        }).Distinct().Count();
        distinct.Should().BeGreaterThan(1, "Different seeds should give different splits.");
    }

    [Fact]
    public async Task AnEmptyClassFolderIsNamed()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        root.Folder("train", "empty");

        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = root.Path })).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(root.Combine("train", "empty"));
        error.Message.Should().Contain("no images");
    }

    [Fact]
    public async Task AFolderWithoutClassesIsRefused()
    {
        using var root = new TemporaryFolder();

        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = root.Path })).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("no class folders");
    }

    [Fact]
    public async Task AMissingRootIsRefused()
    {
        using var root = new TemporaryFolder();

        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = root.Combine("nope") })).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(root.Combine("nope"));
    }

    [Fact]
    public async Task AnUnreadableImageIsNamed()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        var broken = root.Combine("train", "dog", "9.png");
        await File.WriteAllTextAsync(broken, "this is not a png");

        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = root.Path })).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(broken);
    }

    [Fact]
    public async Task ImagesOfDifferentSizesNeedAResize()
    {
        using var root = new TemporaryFolder();
        WriteSplitLayout(root);
        var odd = root.Combine("test", "dog", "big.png");
        WriteImage(odd, Width + 1, Height, SKColors.White);

        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = root.Path })).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(odd);
        error.Message.Should().Contain($"{Width + 1}×{Height}");
        error.Message.Should().Contain("Width and Height");

        using var resized = await Load(new ImageFolderOptions { Root = root.Path, Width = Width, Height = Height });
        resized.Test.Count.Should().Be(3);
    }

    [Fact]
    public void OptionsAreValidated()
    {
        var errors = new List<ValidationResult>();
        var options = new ImageFolderOptions { Root = null, Channels = 2, Width = 8 };

        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true).Should().BeFalse();

        var members = errors.SelectMany(e => e.MemberNames).ToArray();
        members.Should().Contain(nameof(ImageFolderOptions.Channels));
        members.Should().NotContain(nameof(ImageFolderOptions.Root));
    }

    [Fact]
    public async Task AMissingRootIsReportedWhenTheDatasetIsUsed()
    {
        var error = (await FluentActions.Awaiting(() => Load(new ImageFolderOptions { Root = null })).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("Datasets:image-folder:Root");
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
