namespace Distillery;

/// <summary>
/// A mistake the user can fix: a bad argument, option, configuration or data file. The host prints the message
/// (which says what was wrong and how to fix it) without a stack trace and exits with code 2. The engine and plugins
/// speak of settings, not of command-line flags: <see cref="Setting"/> names the setting at fault (e.g.
/// <c>ImagesPerClass</c>) and <see cref="Value"/> its value, and the host adds how to change it on its command line.
/// </summary>
public class UserErrorException : Exception
{
    public UserErrorException(string message)
        : base(message)
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The setting at fault, by its name in the job or options (<c>ImagesPerClass</c>, <c>InitFrom</c>), if one is.</summary>
    public string? Setting { get; init; }

    /// <summary>The value the setting had, if it helps to show it.</summary>
    public string? Value { get; init; }
}
