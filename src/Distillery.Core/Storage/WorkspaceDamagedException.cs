namespace Distillery.Storage;

/// <summary>The workspace file itself cannot be read: cut short, or pages LiteDB cannot decode. A user error, with the path and what to do.</summary>
public sealed class WorkspaceDamagedException : UserErrorException
{
    public WorkspaceDamagedException(string message)
        : base(message)
    {
    }

    public WorkspaceDamagedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
