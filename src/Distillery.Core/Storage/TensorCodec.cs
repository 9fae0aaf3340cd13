using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// Turns a tensor into raw bytes with its element type and shape, and back, bit for bit (NaN payloads and -0.0
/// included). Encoding copies the tensor to the CPU as a contiguous block; decoding gives a CPU tensor.
/// </summary>
public static class TensorCodec
{
    private static readonly Dictionary<ScalarType, string> Names = new()
    {
        [ScalarType.Float32] = "float32",
        [ScalarType.Float64] = "float64",
        [ScalarType.Float16] = "float16",
        [ScalarType.BFloat16] = "bfloat16",
        [ScalarType.Int64] = "int64",
        [ScalarType.Int32] = "int32",
        [ScalarType.Int16] = "int16",
        [ScalarType.Int8] = "int8",
        [ScalarType.Byte] = "uint8",
        [ScalarType.Bool] = "bool",
    };

    private static readonly Dictionary<string, ScalarType> Types = Names.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The PyTorch name of an element type, e.g. <c>float32</c>.</summary>
    public static string NameOf(ScalarType type)
        => Names.TryGetValue(type, out var name)
            ? name
            : throw new NotSupportedException($"Tensors of element type {type} cannot be stored.");

    /// <summary>The element type with this PyTorch name.</summary>
    public static ScalarType TypeOf(string name)
        => Types.TryGetValue(name, out var type)
            ? type
            : throw new NotSupportedException($"Unknown tensor element type '{name}'.");

    public static EncodedTensor Encode(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var name = NameOf(tensor.dtype);
        using var scope = torch.NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        return new EncodedTensor(name, cpu.shape, cpu.bytes.ToArray());
    }

    public static Tensor Decode(EncodedTensor encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var type = TypeOf(encoded.DType);
        var shape = encoded.Shape.ToArray();
        var tensor = torch.empty(shape, type);
        var expected = tensor.NumberOfElements * tensor.ElementSize;
        if (expected != encoded.Bytes.LongLength)
        {
            tensor.Dispose();
            throw new InvalidDataException(
                $"A {encoded.DType} tensor of shape [{string.Join(", ", shape)}] needs {expected} bytes, not {encoded.Bytes.LongLength}.");
        }

        if (expected > 0)
        {
            tensor.bytes = encoded.Bytes;
        }

        return tensor;
    }
}
