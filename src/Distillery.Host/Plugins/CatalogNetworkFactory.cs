using Distillery.Components;
using Distillery.Data;
using Distillery.Networks;

namespace Distillery.Host.Plugins;

/// <summary>Builds networks by <c>name[:variant]</c> through the architectures in the catalog.</summary>
public sealed class CatalogNetworkFactory(IComponentCatalog catalog) : INetworkFactory
{
    public Network Create(string architecture, DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var (name, variant) = ArchitectureName.Split(architecture);
        var family = catalog.Resolve<IArchitecture>(name);
        return family.Create(new NetworkSpec(variant, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses));
    }
}
