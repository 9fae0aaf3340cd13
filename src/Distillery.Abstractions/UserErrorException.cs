namespace Distillery;

/// <summary>
/// A mistake the user can fix: a bad argument, option, configuration or data file. The host prints the message
/// (which says what was wrong and how to fix it) without a stack trace and exits with code 2.
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
}
