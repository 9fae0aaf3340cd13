using Distillery.Data.Files;
using Microsoft.Extensions.Options;

namespace Distillery.Datasets.Idx;

/// <summary>LeCun's MNIST: 60,000 training and 10,000 test 28×28 grey images of handwritten digits.</summary>
internal sealed class MnistDataset(IOptions<MnistOptions> options, IDatasetFileResolver files)
    : IdxDataset(Spec, options.Value, files)
{
    public const string Name = "mnist";

    private const string Mirror = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    internal static IdxDatasetSpec Spec { get; } = new(
        Name,
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        Mean: 0.1307f,
        Std: 0.3081f,
        TrainImages: IdxDatasetSpec.File("train-images-idx3-ubyte", "f68b3c2dcbeaaa9fbdd348bbdeb94873", Mirror),
        TrainLabels: IdxDatasetSpec.File("train-labels-idx1-ubyte", "d53e105ee54ea40749a09fcbcd1e9432", Mirror),
        TestImages: IdxDatasetSpec.File("t10k-images-idx3-ubyte", "9fb629c4189551a2d022fa330f9573f3", Mirror),
        TestLabels: IdxDatasetSpec.File("t10k-labels-idx1-ubyte", "ec29112dd5afa0611ce80d1b7f02629c", Mirror));
}
