using Distillery.Randomness;

namespace Distillery.Datasets.ImageFolder;

/// <summary>An image file and its class index.</summary>
internal readonly record struct LabeledFile(string Path, int Label);

/// <summary>The classes of an image folder and which files make up its train and test splits.</summary>
internal sealed record ImageFolderLayout(IReadOnlyList<string> ClassNames, IReadOnlyList<LabeledFile> Train, IReadOnlyList<LabeledFile> Test)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp",
    };

    /// <summary>
    /// Uses <c>root/train</c> and <c>root/test</c> when both exist; otherwise splits each class of <c>root</c>,
    /// holding out <paramref name="testFraction"/> of its files chosen with <paramref name="seed"/>.
    /// </summary>
    public static ImageFolderLayout Scan(string root, double testFraction, long seed)
    {
        if (!Directory.Exists(root))
        {
            throw new UserErrorException($"The image folder '{root}' (Datasets:image-folder:Root) does not exist.");
        }

        var trainRoot = Path.Combine(root, "train");
        var testRoot = Path.Combine(root, "test");
        if (Directory.Exists(trainRoot) && Directory.Exists(testRoot))
        {
            var classNames = ClassFolders(trainRoot);
            var unknown = ClassFolders(testRoot).Except(classNames, StringComparer.Ordinal).ToArray();
            if (unknown.Length > 0)
            {
                throw new UserErrorException(
                    $"'{testRoot}' has classes that '{trainRoot}' lacks: {string.Join(", ", unknown)}. Every test class needs training images.");
            }

            return new ImageFolderLayout(classNames, Files(trainRoot, classNames, testRootOptional: false), Files(testRoot, classNames, testRootOptional: true));
        }

        return Split(root, ClassFolders(root), testFraction, seed);
    }

    private static ImageFolderLayout Split(string root, IReadOnlyList<string> classNames, double testFraction, long seed)
    {
        var random = new Random(unchecked((int)SeedSequence.Derive(seed, "image-folder split")));
        var train = new List<LabeledFile>();
        var test = new List<LabeledFile>();
        for (var label = 0; label < classNames.Count; label++)
        {
            var files = ImagesIn(Path.Combine(root, classNames[label]));
            random.Shuffle(files);
            var testCount = files.Length < 2 || testFraction == 0 ? 0 : Math.Clamp((int)Math.Round(files.Length * testFraction), 1, files.Length - 1);
            test.AddRange(files.Take(testCount).Order(StringComparer.Ordinal).Select(f => new LabeledFile(f, label)));
            train.AddRange(files.Skip(testCount).Order(StringComparer.Ordinal).Select(f => new LabeledFile(f, label)));
        }

        if (test.Count == 0)
        {
            throw new UserErrorException(
                $"'{root}' gives no test images: add '{Path.Combine(root, "train")}' and '{Path.Combine(root, "test")}' folders, "
                + "or set Datasets:image-folder:TestFraction above 0 with at least two images per class.");
        }

        return new ImageFolderLayout(classNames, train, test);
    }

    private static string[] ClassFolders(string root)
    {
        var classes = Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (classes.Length == 0)
        {
            throw new UserErrorException($"'{root}' has no class folders: put each class's images in a subfolder named after it.");
        }

        return classes;
    }

    private static List<LabeledFile> Files(string root, IReadOnlyList<string> classNames, bool testRootOptional)
    {
        var files = new List<LabeledFile>();
        for (var label = 0; label < classNames.Count; label++)
        {
            var folder = Path.Combine(root, classNames[label]);
            if (testRootOptional && !Directory.Exists(folder))
            {
                continue;
            }

            files.AddRange(ImagesIn(folder).Select(f => new LabeledFile(f, label)));
        }

        if (files.Count == 0)
        {
            throw new UserErrorException($"'{root}' holds no images (.png, .jpg, .jpeg, .bmp, .gif, .webp) in its class folders.");
        }

        return files;
    }

    private static string[] ImagesIn(string folder)
    {
        var files = Directory.GetFiles(folder)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new UserErrorException($"The class folder '{folder}' holds no images (.png, .jpg, .jpeg, .bmp, .gif, .webp).");
        }

        return files;
    }
}
