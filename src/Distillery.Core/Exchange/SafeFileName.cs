using System.Security.Cryptography;
using System.Text;

namespace Distillery.Exchange;

/// <summary>
/// Turns a set's or buffer's name into a file name that every file system takes: characters a file name cannot hold
/// become '_', and a name too long for one (most allow 255 bytes) is cut and given a short hash of the whole name, so
/// two long names that share a beginning still get two files.
/// </summary>
public static class SafeFileName
{
    /// <summary>The most bytes (UTF-8) of a name kept before the hash; room is left for the hash and an extension.</summary>
    public const int MaxBytes = 200;

    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c is ':' or '/' or '\\' ? '_' : c).ToArray());
        if (safe.Length == 0 || safe is "." or "..")
        {
            safe = "_" + safe;
        }

        if (Encoding.UTF8.GetByteCount(safe) <= MaxBytes)
        {
            return safe;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
        var kept = new StringBuilder();
        foreach (var rune in safe.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(kept.ToString()) + rune.Utf8SequenceLength > MaxBytes)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return $"{kept}-{hash}";
    }
}
