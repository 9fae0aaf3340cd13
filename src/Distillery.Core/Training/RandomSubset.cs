using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Training;

/// <summary>Random real images, the same number from every class: the baseline every distilled set is compared with.</summary>
public static class RandomSubset
{
    /// <summary>The chosen row indices, class by class, <paramref name="perClass"/> each, without replacement.</summary>
    public static long[] Indices(LabeledImages data, int perClass, long seed)
    {
        using var generator = new Generator((ulong)seed);
        var chosen = new List<long>(perClass * data.NumClasses);
        for (var label = 0; label < data.NumClasses; label++)
        {
            var rows = data.IndicesOf(label);
            if (perClass > rows.Count)
            {
                throw new UserErrorException(
                    $"Class {label} has {rows.Count} training images; cannot take {perClass} per class. Ask for {rows.Count} or fewer.")
                {
                    Setting = "ImagesPerClass",
                    Value = $"{perClass}",
                };
            }

            using var permutation = torch.randperm(rows.Count, generator: generator);
            var order = permutation.data<long>().ToArray();
            for (var i = 0; i < perClass; i++)
            {
                chosen.Add(rows[(int)order[i]]);
            }
        }

        return chosen.ToArray();
    }

    public static LabeledImages Sample(LabeledImages data, int perClass, long seed)
    {
        using var indices = torch.tensor(Indices(data, perClass, seed), device: data.Images.device);
        return data.Select(indices);
    }
}
