using Distillery.Data;
using TorchSharp;

namespace Distillery.Methods.Coresets;

/// <summary>Turns chosen rows of the real training set into a synthetic set.</summary>
internal static class CoresetSets
{
    public static SyntheticSet FromRows(DistillationRequest request, string method, long[] rows, string? architecture)
    {
        using var indices = torch.tensor(rows, device: request.Train.Images.device);
        using var chosen = request.Train.Select(indices);
        var provenance = new SetProvenance
        {
            Method = method,
            Dataset = request.Dataset.Name,
            ImagesPerClass = request.ImagesPerClass,
            Architecture = architecture,
            Seed = request.Seed,
            SourceIndices = rows,
        };
        return new SyntheticSet(chosen.Images.detach().clone(), chosen.Labels.clone(), provenance);
    }

    /// <summary>Refuses starting images (a coreset selects real ones) and classes smaller than the IPC.</summary>
    public static void CheckRequest(DistillationRequest request, string method)
    {
        if (request.InitialImages is not null)
        {
            throw new UserErrorException(
                $"'{method}' selects real images and cannot start from a stored set. Drop --init-from, or use a method that learns images (dm, dc, dsa).");
        }

        for (var label = 0; label < request.Dataset.NumClasses; label++)
        {
            if (request.Train.CountOf(label) < request.ImagesPerClass)
            {
                throw new UserErrorException(
                    $"Class {label} has {request.Train.CountOf(label)} training images; cannot choose {request.ImagesPerClass}. Use a smaller --ipc.");
            }
        }
    }
}
