using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Functional;

/// <summary>
/// Where each of a network's parameters lives in one flat vector: in the order of <c>named_parameters()</c>, each
/// flattened, one after the other. Expert trajectories are stored in this layout, and the functional forward reads its
/// weights from it as views.
/// </summary>
internal sealed class ParameterLayout
{
    private readonly Dictionary<string, Entry> _entries;

    private ParameterLayout(IReadOnlyList<Entry> entries)
    {
        Entries = entries;
        _entries = entries.ToDictionary(entry => entry.Name, StringComparer.Ordinal);
        Size = entries.Sum(entry => entry.Length);
    }

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>The length of the flat vector.</summary>
    public long Size { get; }

    /// <summary>A short hash of the names and shapes, so that trajectories of another network are never mistaken for these.</summary>
    public string Fingerprint
    {
        get
        {
            var text = string.Join(";", Entries.Select(entry => $"{entry.Name}:{string.Join("x", entry.Shape)}"));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    public static ParameterLayout Of(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var entries = new List<Entry>();
        long offset = 0;
        foreach (var (name, parameter) in network.named_parameters())
        {
            var entry = new Entry(name, parameter.shape, offset);
            entries.Add(entry);
            offset += entry.Length;
        }

        return new ParameterLayout(entries);
    }

    /// <summary>The network's parameters as one flat vector (a copy, detached, on their device).</summary>
    public Tensor Flatten(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var parts = network.named_parameters().Select(p => p.parameter.detach().reshape(-1)).ToList();
        if (parts.Count != Entries.Count)
        {
            throw new ArgumentException("The network has another parameter layout.", nameof(network));
        }

        return torch.cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Copies a flat vector into the network's parameters.</summary>
    public void Load(nn.Module network, Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(flat);
        CheckSize(flat);
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in network.named_parameters())
        {
            using var view = View(flat, name);
            parameter.copy_(view);
        }
    }

    /// <summary>The parameter <paramref name="name"/> as a view of <paramref name="flat"/>: gradients flow back into it.</summary>
    public Tensor View(Tensor flat, string name)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            throw new ArgumentException($"The network has no parameter '{name}'.", nameof(name));
        }

        using var slice = flat.narrow(0, entry.Offset, entry.Length);
        return slice.view(entry.Shape);
    }

    public bool Has(string name) => _entries.ContainsKey(name);

    public void CheckSize(Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        if (flat.dim() != 1 || flat.shape[0] != Size)
        {
            throw new ArgumentException($"Expected a flat vector of {Size} parameters; got [{string.Join(", ", flat.shape)}].", nameof(flat));
        }
    }

    /// <summary>One parameter: its name, shape and first position in the flat vector.</summary>
    internal sealed record Entry(string Name, long[] Shape, long Offset)
    {
        public long Length => Shape.Aggregate(1L, (product, size) => product * size);
    }
}
