using System.Collections.Concurrent;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Storage;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// Where the set evaluator finds a proxy set by name: among the sets a search coordinator sent this worker (as the
/// bytes of their <c>.pt</c> files), else in the workspace.
/// </summary>
internal sealed class ProxySets(IWorkspaceStore workspace)
{
    private readonly ConcurrentDictionary<string, Received> _received = new(StringComparer.Ordinal);

    /// <summary>Whether a set with this content fingerprint was received.</summary>
    public bool Holds(string fingerprint) => _received.Values.Any(r => r.Fingerprint == fingerprint);

    /// <summary>
    /// Keeps a set sent by a coordinator under <paramref name="name"/>, ahead of the workspace's set of that name.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes do not hold the set the fingerprint names.</exception>
    public void Receive(string name, string fingerprint, byte[] file)
    {
        using var set = Read(name, file);
        var actual = SetFingerprint.Of(set);
        if (actual != fingerprint)
        {
            throw new InvalidDataException($"The set '{name}' arrived with fingerprint {actual}, not the {fingerprint} it was sent as.");
        }

        _received[name] = new Received(fingerprint, file);
    }

    public async Task<SyntheticSet> LoadAsync(string name, CancellationToken cancellationToken) =>
        _received.TryGetValue(name, out var received)
            ? Read(name, received.File)
            : await workspace.LoadSetAsync(name, cancellationToken).ConfigureAwait(false);

    private static SyntheticSet Read(string name, byte[] file) =>
        PyTorchSetFile.FromBytes(file, $"set '{name}' from the coordinator", new SetProvenance { Method = "unknown", Dataset = "unknown", ImagesPerClass = 0, Seed = 0 });

    private sealed record Received(string Fingerprint, byte[] File);
}
