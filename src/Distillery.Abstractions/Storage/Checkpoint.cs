using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// A method's state after <see cref="Step"/> steps: named tensors plus a JSON document for everything else
/// (random generator state, counters). Owns its tensors.
/// </summary>
public sealed class Checkpoint(int step, IReadOnlyDictionary<string, Tensor> tensors, string stateJson) : IDisposable
{
    public int Step { get; } = step;

    public IReadOnlyDictionary<string, Tensor> Tensors { get; } = tensors;

    public string StateJson { get; } = stateJson;

    public void Dispose()
    {
        foreach (var tensor in Tensors.Values)
        {
            tensor.Dispose();
        }
    }
}
