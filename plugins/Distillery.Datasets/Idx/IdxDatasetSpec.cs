using Distillery.Data.Files;

namespace Distillery.Datasets.Idx;

/// <summary>What tells one IDX dataset (MNIST, Fashion-MNIST) from another: its files, classes and statistics.</summary>
internal sealed record IdxDatasetSpec(
    string Name,
    IReadOnlyList<string> ClassNames,
    float Mean,
    float Std,
    DatasetFile TrainImages,
    DatasetFile TrainLabels,
    DatasetFile TestImages,
    DatasetFile TestLabels)
{
    public const int ImageSize = 28;

    /// <summary>The Debian package that installs the files, when there is one.</summary>
    public string? SystemPackage { get; init; }

    public IReadOnlyList<DatasetFile> Files => [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>A file of the standard layout: <paramref name="name"/><c>.gz</c> on the mirror, raw accepted locally.</summary>
    public static DatasetFile File(string name, string md5, string mirror) =>
        DatasetFile.FromMirrors(name + ".gz", FileChecksum.Md5(md5), mirror) with { AlternativeNames = [name] };
}
