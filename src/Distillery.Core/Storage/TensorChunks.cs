using System.Globalization;
using System.Security.Cryptography;
using Distillery.Storage.Documents;
using LiteDB;
using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// Writes tensors as chunk documents of at most <c>chunkBytes</c> bytes, keyed by (owner, tensor name, chunk index),
/// and reads them back, checking the SHA-256 recorded in the owner's entry. Runs inside the caller's transaction.
/// </summary>
internal sealed class TensorChunks(int chunkBytes)
{
    private const string OwnerField = "owner";

    /// <summary>Called after each chunk is inserted (tensor name, chunk index).</summary>
    public Action<string, int>? ChunkWritten { get; set; }

    public static void EnsureIndexes(LiteDatabase database)
        => Collection(database).EnsureIndex(OwnerField);

    public TensorEntry Write(LiteDatabase database, string owner, string name, Tensor tensor, CancellationToken cancellationToken)
    {
        var encoded = TensorCodec.Encode(tensor);
        var bytes = encoded.Bytes;
        var count = (int)((bytes.LongLength + chunkBytes - 1) / chunkBytes);
        var chunks = Collection(database);
        for (var index = 0; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = (long)index * chunkBytes;
            var length = (int)Math.Min(chunkBytes, bytes.LongLength - offset);
            chunks.Insert(new BsonDocument
            {
                ["_id"] = ChunkId(owner, name, index),
                [WorkspaceSchema.SchemaField] = WorkspaceSchema.Version,
                [OwnerField] = owner,
                ["tensor"] = name,
                ["index"] = index,
                ["data"] = bytes.AsSpan((int)offset, length).ToArray(),
            });
            ChunkWritten?.Invoke(name, index);
        }

        return new TensorEntry(name, encoded.DType, [.. encoded.Shape], bytes.LongLength, count, Hash(bytes));
    }

    /// <exception cref="InvalidDataException">A chunk is missing, has the wrong size, or the bytes fail the checksum.</exception>
    public static Tensor Read(LiteDatabase database, string owner, TensorEntry entry)
        => TensorCodec.Decode(new EncodedTensor(entry.DType, entry.Shape, ReadBytes(database, owner, entry)));

    /// <summary>Reads the tensor's bytes and checks them against the entry, without decoding them.</summary>
    /// <exception cref="InvalidDataException">A chunk is missing, has the wrong size, or the bytes fail the checksum.</exception>
    public static void Verify(LiteDatabase database, string owner, TensorEntry entry) => ReadBytes(database, owner, entry);

    private static byte[] ReadBytes(LiteDatabase database, string owner, TensorEntry entry)
    {
        if (entry.Bytes < 0 || entry.Bytes > Array.MaxLength || entry.Chunks < 0)
        {
            throw new InvalidDataException($"the '{entry.Name}' tensor has an impossible size");
        }

        var bytes = new byte[entry.Bytes];
        var chunks = Collection(database);
        var offset = 0;
        for (var index = 0; index < entry.Chunks; index++)
        {
            var chunk = chunks.FindById(ChunkId(owner, entry.Name, index))
                ?? throw new InvalidDataException($"chunk {index} of the '{entry.Name}' tensor is missing");
            var data = BsonFields.Binary(chunk, "data");
            if (offset + data.Length > bytes.Length)
            {
                throw new InvalidDataException($"the '{entry.Name}' tensor has more bytes than its entry says");
            }

            data.CopyTo(bytes, offset);
            offset += data.Length;
        }

        if (offset != bytes.Length)
        {
            throw new InvalidDataException($"the '{entry.Name}' tensor has {offset} bytes, its entry says {bytes.Length}");
        }

        if (!string.Equals(Hash(bytes), entry.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the bytes of the '{entry.Name}' tensor fail their SHA-256 check");
        }

        return bytes;
    }

    public static void Delete(LiteDatabase database, string owner)
        => Collection(database).DeleteMany(Query.EQ(OwnerField, owner));

    private static ILiteCollection<BsonDocument> Collection(LiteDatabase database)
        => database.GetCollection(WorkspaceSchema.TensorChunks);

    private static string ChunkId(string owner, string name, int index)
        => string.Create(CultureInfo.InvariantCulture, $"{owner}/{name}/{index}");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
