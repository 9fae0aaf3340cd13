namespace Distillery.Host.Cli;

/// <summary>The process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An internal failure: a bug, or something the user cannot fix by changing the command.</summary>
    public const int InternalError = 1;

    /// <summary>A user error: a bad argument, option, setting or file.</summary>
    public const int UserError = 2;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
