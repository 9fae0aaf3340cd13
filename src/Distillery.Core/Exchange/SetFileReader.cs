using System.Collections;
using Distillery.Methods;
using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Exchange;

/// <summary>
/// Checks and converts the entries of an unpickled set file into a <see cref="SyntheticSet"/>. Does not take ownership
/// of the entries' tensors: the set gets its own.
/// </summary>
internal sealed class SetFileReader(string path, Hashtable entries, string layout)
{
    public SyntheticSet Read(SetProvenance fallbackProvenance)
    {
        using var scope = torch.NewDisposeScope();
        var images = Images();
        var count = images.shape[0];
        var softLabels = SoftLabels(count);
        var labels = Labels(count, softLabels);
        var provenance = Provenance() ?? fallbackProvenance;
        var set = new SyntheticSet(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), provenance)
        {
            SoftLabels = softLabels?.MoveToOuterDisposeScope(),
            LearnedLearningRate = LearningRate(),
        };
        return set;
    }

    private Tensor Images()
    {
        var images = Required(PyTorchSetFile.ImagesKey);
        if (images.dim() != 4 || !images.is_floating_point())
        {
            throw Wrong(PyTorchSetFile.ImagesKey, images, "a floating [N, C, H, W] tensor");
        }

        return images.to(ScalarType.Float32).contiguous();
    }

    private Tensor? SoftLabels(long count)
    {
        if (Optional(PyTorchSetFile.SoftLabelsKey) is not { } softLabels)
        {
            return null;
        }

        if (softLabels.dim() != 2 || softLabels.shape[0] != count || !softLabels.is_floating_point())
        {
            throw Wrong(PyTorchSetFile.SoftLabelsKey, softLabels, $"a floating [{count}, classes] tensor");
        }

        return softLabels.to(ScalarType.Float32).contiguous();
    }

    private Tensor Labels(long count, Tensor? softLabels)
    {
        if (Optional(PyTorchSetFile.LabelsKey) is not { } labels)
        {
            return softLabels?.argmax(1)
                ?? throw new UserErrorException(
                    $"'{path}' has no '{PyTorchSetFile.LabelsKey}' (nor '{PyTorchSetFile.SoftLabelsKey}'); it holds {Keys()}. {layout}");
        }

        if (labels.dim() != 1 || labels.shape[0] != count || !torch.is_integral(labels.dtype) || labels.dtype == ScalarType.Bool)
        {
            throw Wrong(PyTorchSetFile.LabelsKey, labels, $"an integer [{count}] tensor");
        }

        return labels.to(ScalarType.Int64).contiguous();
    }

    private double? LearningRate()
    {
        if (!entries.ContainsKey(PyTorchSetFile.LearningRateKey))
        {
            return null;
        }

        return entries[PyTorchSetFile.LearningRateKey] switch
        {
            Tensor { NumberOfElements: 1 } tensor when tensor.is_floating_point() => tensor.to(ScalarType.Float64).item<double>(),
            double value => value,
            int value => value,
            long value => value,
            var other => throw new UserErrorException(
                $"'{path}' has '{PyTorchSetFile.LearningRateKey}' = {Describe(other)}, not a number or a one-element floating tensor. {layout}"),
        };
    }

    private SetProvenance? Provenance()
    {
        if (!entries.ContainsKey(PyTorchSetFile.ProvenanceKey))
        {
            return null;
        }

        if (entries[PyTorchSetFile.ProvenanceKey] is not string json)
        {
            throw new UserErrorException(
                $"'{path}' has '{PyTorchSetFile.ProvenanceKey}' = {Describe(entries[PyTorchSetFile.ProvenanceKey])}, not a JSON string. {layout}");
        }

        try
        {
            return ProvenanceJson.Deserialize(json);
        }
        catch (InvalidDataException exception)
        {
            throw new UserErrorException(
                $"'{path}' has a '{PyTorchSetFile.ProvenanceKey}' that is not a set's provenance ({exception.Message}); remove it to import the set without one.",
                exception);
        }
    }

    private Tensor Required(string key)
        => Optional(key) ?? throw new UserErrorException($"'{path}' has no '{key}' tensor; it holds {Keys()}. {layout}");

    private Tensor? Optional(string key)
    {
        if (!entries.ContainsKey(key) || entries[key] is null)
        {
            return null;
        }

        return entries[key] as Tensor
            ?? throw new UserErrorException($"'{path}' has '{key}' = {Describe(entries[key])}, not a tensor. {layout}");
    }

    private UserErrorException Wrong(string key, Tensor tensor, string expected)
        => new($"'{path}' has '{key}' as {Describe(tensor)}; it must be {expected}. {layout}");

    private string Keys()
    {
        var keys = entries.Keys.Cast<object>().Select(key => $"'{key}'").Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? "no entries" : string.Join(", ", keys);
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        Tensor tensor => $"a {TensorCodec.NameOf(tensor.dtype)} tensor of shape [{string.Join(", ", tensor.shape)}]",
        string => "a string",
        _ => $"a {value.GetType().Name}",
    };
}
