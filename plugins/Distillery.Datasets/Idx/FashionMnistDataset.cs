using Distillery.Data.Files;
using Microsoft.Extensions.Options;

namespace Distillery.Datasets.Idx;

/// <summary>Zalando's Fashion-MNIST: 60,000 training and 10,000 test 28×28 grey images of clothing in 10 classes.</summary>
internal sealed class FashionMnistDataset(IOptions<FashionMnistOptions> options, IDatasetFileResolver files)
    : IdxDataset(Spec, options.Value, files)
{
    public const string Name = "fashion-mnist";

    private const string Mirror = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    internal static IdxDatasetSpec Spec { get; } = new(
        Name,
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        Mean: 0.2861f,
        Std: 0.3530f,
        TrainImages: IdxDatasetSpec.File("train-images-idx3-ubyte", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", Mirror),
        TrainLabels: IdxDatasetSpec.File("train-labels-idx1-ubyte", "25c81989df183df01b3e8a0aad5dffbe", Mirror),
        TestImages: IdxDatasetSpec.File("t10k-images-idx3-ubyte", "bef4ecab320f06d8554ea6380940ec79", Mirror),
        TestLabels: IdxDatasetSpec.File("t10k-labels-idx1-ubyte", "bb300cfdad3c16e7a12a480ee83cd310", Mirror))
    {
        SystemPackage = "dataset-fashion-mnist",
    };
}
