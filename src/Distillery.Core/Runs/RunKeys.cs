using System.Security.Cryptography;
using System.Text;
using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Runs;

/// <summary>
/// Keys that identify a run by its settings: the same job with the same options gives the same key, so a rerun after
/// an interruption finds its checkpoint, and a changed option starts afresh.
/// </summary>
public static class RunKeys
{
    public static string For(string kind, IEnumerable<string> parts)
    {
        var text = string.Join('\n', parts.Prepend(kind));
        return $"{kind}-{ShortHash(Encoding.UTF8.GetBytes(text))}";
    }

    /// <summary>A short hash of a tensor's values, so that a key changes when data stored under the same name do.</summary>
    public static string Fingerprint(Tensor tensor) => ShortHash(TensorCodec.Encode(tensor).Bytes);

    private static string ShortHash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes), 0, 8).ToLowerInvariant();
}
