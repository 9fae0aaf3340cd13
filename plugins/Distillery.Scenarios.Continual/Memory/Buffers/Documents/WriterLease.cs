using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// The mark a writer leaves on a buffer's header: a token of its own and the process that holds it. A mark left by a
/// process that is gone (same host, no such process) is stale and may be taken over, so a killed run can resume.
/// </summary>
internal sealed record WriterLease(
    string Token,
    [property: JsonPropertyName("pid")] int ProcessId,
    string Host,
    DateTimeOffset Since)
{
    public static WriterLease ForThisProcess() =>
        new(Guid.NewGuid().ToString("N"), Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);

    public string Describe() => $"process {ProcessId} on {Host} since {Since.ToString("O", CultureInfo.InvariantCulture)}";

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
}
