namespace Distillery.Benchmarks;

/// <summary>The process's resident and peak resident memory, from /proc/self/status, in MiB.</summary>
internal static class ResidentMemory
{
    public static double CurrentMiB => Read("VmRSS:");

    public static double PeakMiB => Read("VmHWM:");

    private static double Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kib = long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        return double.NaN;
    }
}
