using Distillery.Components;
using Distillery.Datasets.Cifar;
using Distillery.Datasets.Idx;
using Distillery.Datasets.ImageFolder;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.datasets", "0.1.0", "Fashion-MNIST, MNIST, CIFAR-10 and image folders.")]

namespace Distillery.Datasets;

public sealed class DatasetsPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddDataset<FashionMnistDataset, FashionMnistOptions>(
            FashionMnistDataset.Name, "Fashion-MNIST: 70,000 28×28 grey images of clothing, 10 classes.");
        components.AddDataset<MnistDataset, MnistOptions>(
            MnistDataset.Name, "MNIST: 70,000 28×28 grey images of handwritten digits, 10 classes.");
        components.AddDataset<Cifar10Dataset, Cifar10Options>(
            Cifar10Dataset.Name, "CIFAR-10: 60,000 32×32 colour images, 10 classes (binary version).");
        components.AddDataset<ImageFolderDataset, ImageFolderOptions>(
            ImageFolderDataset.Name, "Your own images: <Root>/train/<class>/* and <Root>/test/<class>/*, or <Root>/<class>/* split.");
    }
}
