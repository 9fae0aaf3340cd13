using Distillery.Components;
using Distillery.Data;
using Distillery.Networks;
using static TorchSharp.torch;

namespace Distillery.Host.Plugins;

/// <summary>
/// Builds networks by <c>name[:variant]</c> through the architectures in the catalog, with their weights drawn from the
/// seed alone (see <see cref="SeededConstruction"/>).
/// </summary>
public sealed class CatalogNetworkFactory(IComponentCatalog catalog) : INetworkFactory
{
    public Network Create(string architecture, DatasetInfo dataset, long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var (name, variant) = ArchitectureName.Split(architecture);
        var family = catalog.Resolve<IArchitecture>(name);
        var spec = new NetworkSpec(variant, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses);
        return SeededConstruction.Build(seed, device, () => family.Create(spec));
    }
}
