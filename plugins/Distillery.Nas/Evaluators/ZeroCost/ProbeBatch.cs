using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The real training images <c>[N, C, H, W]</c> and labels <c>[N]</c> a score looks at, on the run's device. Owns both.</summary>
internal sealed class ProbeBatch(Tensor images, Tensor labels) : IDisposable
{
    public Tensor Images { get; } = images;

    public Tensor Labels { get; } = labels;

    public long Count => Images.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
