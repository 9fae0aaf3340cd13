using System.Security.Cryptography;

namespace Distillery.Data.Files;

/// <summary>The hash algorithms a dataset file's checksum can use.</summary>
public enum ChecksumAlgorithm
{
    Md5,
    Sha256,
}

/// <summary>An expected checksum of a file, as lowercase hexadecimal.</summary>
public sealed record FileChecksum
{
    private FileChecksum(ChecksumAlgorithm algorithm, string hex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hex);
        var expectedLength = algorithm == ChecksumAlgorithm.Md5 ? 32 : 64;
        if (hex.Length != expectedLength || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"'{hex}' is not a {Describe(algorithm)} checksum ({expectedLength} hexadecimal digits).", nameof(hex));
        }

        Algorithm = algorithm;
        Hex = hex.ToLowerInvariant();
    }

    public ChecksumAlgorithm Algorithm { get; }

    public string Hex { get; }

    public static FileChecksum Md5(string hex) => new(ChecksumAlgorithm.Md5, hex);

    public static FileChecksum Sha256(string hex) => new(ChecksumAlgorithm.Sha256, hex);

    /// <summary>A fresh incremental hash of this checksum's algorithm.</summary>
    public IncrementalHash CreateHash() => IncrementalHash.CreateHash(
        Algorithm == ChecksumAlgorithm.Md5 ? HashAlgorithmName.MD5 : HashAlgorithmName.SHA256);

    public bool Matches(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash) == Hex;

    /// <summary>Computes this checksum's algorithm over a whole file, as lowercase hexadecimal.</summary>
    public async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = Algorithm == ChecksumAlgorithm.Md5
            ? await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)
            : await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }

    public override string ToString() => $"{Describe(Algorithm)} {Hex}";

    private static string Describe(ChecksumAlgorithm algorithm) => algorithm == ChecksumAlgorithm.Md5 ? "MD5" : "SHA-256";
}
