using System.Collections;
using Distillery.Methods;
using Distillery.Storage;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Distillery.Exchange;

/// <summary>
/// Moves synthetic sets to and from PyTorch: a <c>.pt</c> file (the zip format of <c>torch.save</c>) that
/// <c>torch.load</c> reads as a dict with <c>images</c> [N,C,H,W] float32, <c>labels</c> [N] int64, and optionally
/// <c>soft_labels</c> [N,classes] float32, <c>lr</c> (a float64 scalar tensor) and <c>provenance</c> (a JSON string,
/// see <see cref="ProvenanceJson"/>).
/// </summary>
/// <remarks>
/// A multi-formation set is written as the images a network trains on: its stored images decoded (see
/// <see cref="Formation"/>), with every label and soft label repeated to match, so Python code trains on it as on any
/// set. Its provenance then says so (<c>decodedFromFactor</c>); the file holds no formation, and importing it gives a
/// plain set of the decoded images.
/// </remarks>
public static class PyTorchSetFile
{
    public const string ImagesKey = "images";
    public const string LabelsKey = "labels";
    public const string SoftLabelsKey = "soft_labels";
    public const string LearningRateKey = "lr";
    public const string ProvenanceKey = "provenance";

    private const string Layout =
        "A set file is torch.save({'images': float [N,C,H,W], 'labels': int64 [N]}) with optional 'soft_labels' [N,classes], "
        + "'lr' (a number or scalar tensor) and 'provenance' (a JSON string).";

    /// <summary>Writes the set to <paramref name="path"/> (through a temporary file, creating the folder).</summary>
    public static void Export(SyntheticSet set, string path)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => Write(set, stream));
    }

    /// <summary>The bytes <see cref="Export"/> writes to a file, for sending a set to another process.</summary>
    public static byte[] ToBytes(SyntheticSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        using var stream = new MemoryStream();
        Write(set, stream);
        return stream.ToArray();
    }

    /// <summary>Reads bytes made by <see cref="ToBytes"/>; <paramref name="source"/> names them in messages.</summary>
    /// <exception cref="UserErrorException">The bytes are not a <c>.pt</c> dict of a set.</exception>
    public static SyntheticSet FromBytes(byte[] bytes, string source, SetProvenance fallbackProvenance)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fallbackProvenance);
        CheckFormat(bytes, source);
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(Unpickle(stream, source), source, fallbackProvenance);
    }

    private static void Write(SyntheticSet set, Stream stream)
    {
        using var scope = torch.NewDisposeScope();
        var formation = set.Formation;
        var provenance = formation.IsNone ? set.Provenance : set.Provenance with { DecodedFromFactor = formation.Factor };
        var entries = new Hashtable
        {
            [ImagesKey] = ForExport(formation.Decode(set.Images.detach()), ScalarType.Float32),
            [LabelsKey] = ForExport(formation.DecodeLabels(set.Labels), ScalarType.Int64),
            [ProvenanceKey] = ProvenanceJson.Serialize(provenance),
        };
        if (set.SoftLabels is { } softLabels)
        {
            entries[SoftLabelsKey] = ForExport(formation.DecodeLabels(softLabels), ScalarType.Float32);
        }

        if (set.LearnedLearningRate is { } lr)
        {
            entries[LearningRateKey] = torch.tensor(lr, ScalarType.Float64);
        }

        PyTorchPickler.PickleStateDict(stream, entries, leaveOpen: true);
    }

    /// <summary>
    /// Reads a set written by <see cref="Export"/> or by <c>torch.save</c> in Python. Images of another floating type
    /// become float32 and labels of another integer type int64; without <c>labels</c> the hard labels are the argmax of
    /// <c>soft_labels</c>; without <c>provenance</c> the set gets <paramref name="fallbackProvenance"/>.
    /// </summary>
    /// <exception cref="UserErrorException">The file is missing, is not a <c>.pt</c> dict, or lacks or mis-shapes an entry; the message says which.</exception>
    public static SyntheticSet Import(string path, SetProvenance fallbackProvenance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fallbackProvenance);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"there is no file '{path}' to import.");
        }

        Span<byte> head = stackalloc byte[4];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        CheckFormat(head[..read], path);
        using var stream = File.OpenRead(path);
        return Read(Unpickle(stream, path), path, fallbackProvenance);
    }

    private static SyntheticSet Read(Hashtable entries, string source, SetProvenance fallbackProvenance)
    {
        try
        {
            return new SetFileReader(source, entries, Layout).Read(fallbackProvenance);
        }
        finally
        {
            foreach (var tensor in entries.Values.OfType<Tensor>())
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>A <c>.pt</c> file is a zip archive (<c>torch.save</c> since PyTorch 1.6) or, in the legacy format, a pickle.</summary>
    private static void CheckFormat(ReadOnlySpan<byte> head, string source)
    {
        var zip = head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
        var pickle = head.Length >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5;
        if (!zip && !pickle)
        {
            throw new UserErrorException(
                $"'{source}' is neither a zip archive (what torch.save writes) nor a pickle: it is not a PyTorch .pt file. {Layout}");
        }
    }

    private static Tensor ForExport(Tensor tensor, ScalarType type) => tensor.detach().cpu().to(type).contiguous();

    private static Hashtable Unpickle(Stream stream, string source)
    {
        object? loaded;
        try
        {
            loaded = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or UnauthorizedAccessException))
        {
            var reason = exception.Message.Split('\n', 2)[0].Trim();
            throw new UserErrorException(
                $"'{source}' is not a PyTorch .pt file holding a dict ({reason}). {Layout} "
                + "Tensors that are views into larger ones cannot be read: save them with .clone().",
                exception);
        }

        return loaded as Hashtable
            ?? throw new UserErrorException($"'{source}' holds a {loaded?.GetType().Name ?? "null"}, not a dict. {Layout}");
    }
}
