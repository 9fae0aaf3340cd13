namespace Distillery.Host.Cli;

/// <summary>
/// The command-line flag that sets each job setting the engine and plugins name in their messages, so that a user error
/// says how to change it here.
/// </summary>
internal static class SettingFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["ImagesPerClass"] = "--ipc",
        ["SetName"] = "--overwrite, or another --name",
        ["InitFrom"] = "--init-from",
        ["Architectures"] = "--arch",
        ["Architecture"] = "--arch",
        ["Seed"] = "--seed",
        ["Device"] = "--device",
        ["Workspace"] = "--workspace",
    };

    /// <summary>The message with how to set the setting on the command line, when there is a flag for it.</summary>
    public static string Explain(UserErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Setting is null || !Flags.TryGetValue(error.Setting, out var flag))
        {
            return error.Message;
        }

        return error.Value is null || !flag.StartsWith("--", StringComparison.Ordinal) || flag.Contains(' ', StringComparison.Ordinal)
            ? $"{error.Message} (command line: {flag})"
            : $"{error.Message} (command line: {flag} {error.Value})";
    }
}
