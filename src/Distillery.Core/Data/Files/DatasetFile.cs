namespace Distillery.Data.Files;

/// <summary>
/// One file a dataset needs: its name, what a download of it must match, and where it can be downloaded.
/// </summary>
/// <param name="Name">The file's name, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="Mirrors">Where to download it, tried in order.</param>
/// <param name="Checksum">The checksum a download must match.</param>
/// <param name="Size">The size in bytes a download must have, when known.</param>
public sealed record DatasetFile(string Name, IReadOnlyList<Uri> Mirrors, FileChecksum? Checksum = null, long? Size = null)
{
    /// <summary>
    /// Other names under which a local copy is accepted, e.g. the uncompressed <c>train-images-idx3-ubyte</c>.
    /// A file found under one of them is never checked against <see cref="Checksum"/> or <see cref="Size"/>.
    /// </summary>
    public IReadOnlyList<string> AlternativeNames { get; init; } = [];

    /// <summary>A file served from one base address, e.g. <c>https://example.org/data/</c> + <paramref name="name"/>.</summary>
    public static DatasetFile FromMirrors(string name, FileChecksum? checksum, params string[] baseAddresses) =>
        new(name, baseAddresses.Select(b => new Uri(new Uri(b.EndsWith('/') ? b : b + "/"), name)).ToArray(), checksum);
}
