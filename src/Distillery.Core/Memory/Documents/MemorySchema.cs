namespace Distillery.Memory.Documents;

/// <summary>The collections that hold memory buffers and the schema version their documents are written with.</summary>
internal static class MemorySchema
{
    /// <summary>Written into the <c>schema</c> field of every memory document; a reader refuses newer ones.</summary>
    public const int Version = 1;

    public const string SchemaField = "schema";

    /// <summary>One header per buffer, keyed by its name.</summary>
    public const string Buffers = "memory_buffers";

    /// <summary>One document per (buffer, step, class); its images live in tensor chunks it owns.</summary>
    public const string Classes = "memory_classes";

    public static void Check(int version)
    {
        if (version > Version)
        {
            throw new InvalidDataException($"it was written with memory schema {version}; this version reads up to {Version}");
        }
    }
}
