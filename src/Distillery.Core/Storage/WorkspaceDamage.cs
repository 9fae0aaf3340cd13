using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// The message for a workspace file LiteDB cannot read: its path and what to do, never LiteDB's own words (those stay
/// in the inner exception, which <c>--verbose</c> shows).
/// </summary>
internal static class WorkspaceDamage
{
    /// <summary>The size of a LiteDB 5 page; a whole file is a whole number of them.</summary>
    public const int PageSize = 8192;

    public const string Fix = "restore it from a copy; 'distillery workspace check' lists what is damaged";

    public static WorkspaceDamagedException Unreadable(string path, Exception inner) =>
        new($"the workspace {path} is damaged: LiteDB cannot read it; {Fix}", inner);

    /// <summary>Throws if the file's length is not a whole number of pages: it was cut short (or grown) by something other than LiteDB.</summary>
    public static void ThrowIfCut(string path)
    {
        if (CutProblem(path) is { } problem)
        {
            throw new WorkspaceDamagedException($"the workspace {path} is damaged: {problem}; {Fix}");
        }
    }

    /// <summary>What is wrong with the file's length, or null if it is a whole number of pages (or the file is new).</summary>
    public static string? CutProblem(string path)
    {
        var file = new FileInfo(path);
        return file is { Exists: true, Length: > 0 } && file.Length % PageSize != 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its length, {file.Length:N0} bytes, is not a whole number of {PageSize}-byte pages (the file was cut short)")
            : null;
    }

    /// <summary>
    /// True for an exception LiteDB raised, or a library it called raised, while decoding the file's pages (garbage
    /// bytes make it fail on text decoding or array bounds, not only with its own exception): damage, not a bug here.
    /// </summary>
    public static bool RaisedInLiteDb(Exception exception)
    {
        if (exception is UserErrorException or OperationCanceledException)
        {
            return false;
        }

        var liteDb = typeof(LiteException).Assembly;
        var system = typeof(object).Assembly;
        foreach (var frame in new System.Diagnostics.StackTrace(exception).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || assembly == system)
            {
                continue;
            }

            return assembly == liteDb;
        }

        return false;
    }
}
