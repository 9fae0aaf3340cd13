using Distillery.Components;
using Distillery.Methods.KernelRegression;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.methods.kernel-regression", "0.1.0", "Kernel ridge regression on learned features (FRePo), with learned soft labels.")]

namespace Distillery.Methods.KernelRegression;

public sealed class KernelRegressionPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddMethod<KernelRegressionMethod, KernelRegressionOptions>(
            KernelRegressionMethod.Name,
            "Kernel ridge regression on the features of a pool of networks trained on the set (FRePo): learns the images and soft labels.");
    }
}
