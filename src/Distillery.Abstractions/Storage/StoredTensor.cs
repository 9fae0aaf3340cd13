namespace Distillery.Storage;

/// <summary>What a document records about one of its tensors.</summary>
/// <param name="Name">The tensor's name within its document.</param>
/// <param name="DType">The element type by its PyTorch name, e.g. <c>float32</c>.</param>
/// <param name="Shape">The size of each dimension.</param>
/// <param name="Bytes">The size of its elements.</param>
public sealed record StoredTensor(string Name, string DType, IReadOnlyList<long> Shape, long Bytes);
