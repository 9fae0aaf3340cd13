using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Data;

/// <summary>Per-channel normalization with a dataset's mean and standard deviation.</summary>
public static class Normalization
{
    public static Tensor Normalize(Tensor images, DatasetInfo info)
    {
        using var scope = torch.NewDisposeScope();
        var (mean, std) = Statistics(images, info);
        return ((images - mean) / std).MoveToOuterDisposeScope();
    }

    public static Tensor Denormalize(Tensor images, DatasetInfo info)
    {
        using var scope = torch.NewDisposeScope();
        var (mean, std) = Statistics(images, info);
        return ((images * std) + mean).MoveToOuterDisposeScope();
    }

    private static (Tensor Mean, Tensor Std) Statistics(Tensor images, DatasetInfo info)
    {
        var mean = torch.tensor(info.Mean.ToArray(), device: images.device).view(1, -1, 1, 1);
        var std = torch.tensor(info.Std.ToArray(), device: images.device).view(1, -1, 1, 1);
        return (mean, std);
    }
}
