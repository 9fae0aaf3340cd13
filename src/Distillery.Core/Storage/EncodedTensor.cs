namespace Distillery.Storage;

/// <summary>A tensor as raw little-endian bytes in row-major order, with its element type and shape.</summary>
/// <param name="DType">The element type by its PyTorch name, e.g. <c>float32</c> or <c>int64</c>.</param>
/// <param name="Shape">The size of each dimension; empty for a scalar.</param>
/// <param name="Bytes">The elements, contiguous.</param>
public sealed record EncodedTensor(string DType, IReadOnlyList<long> Shape, byte[] Bytes);
