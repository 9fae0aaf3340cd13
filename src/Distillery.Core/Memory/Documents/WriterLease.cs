using System.Diagnostics;
using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Memory.Documents;

/// <summary>
/// The mark a writer leaves on a buffer's header: a token of its own and the process that holds it. A mark left by a
/// process that is gone (same host, no such process) is stale and may be taken over, so a killed run can resume.
/// </summary>
internal sealed record WriterLease(string Token, int ProcessId, string Host, DateTimeOffset Since)
{
    public static WriterLease ForThisProcess() =>
        new(Guid.NewGuid().ToString("N"), Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);

    public string Describe() => $"process {ProcessId} on {Host} since {BsonFields.Time(Since)}";

    public bool IsStale()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public BsonDocument ToBson() => new()
    {
        ["token"] = Token,
        ["pid"] = ProcessId,
        ["host"] = Host,
        ["since"] = BsonFields.Time(Since),
    };

    public static WriterLease? FromBson(BsonDocument header)
    {
        if (!header.TryGetValue("writer", out var value) || value.IsNull)
        {
            return null;
        }

        if (!value.IsDocument)
        {
            throw new InvalidDataException("the field 'writer' is not a document");
        }

        var document = value.AsDocument;
        return new WriterLease(
            BsonFields.String(document, "token"),
            BsonFields.Int32(document, "pid"),
            BsonFields.String(document, "host"),
            BsonFields.Time(document, "since"));
    }
}
