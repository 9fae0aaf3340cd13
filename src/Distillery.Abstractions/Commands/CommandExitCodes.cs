namespace Distillery.Commands;

/// <summary>What a command returns when it did its work; failures are reported by throwing (a <see cref="UserErrorException"/> for the user's mistakes).</summary>
public static class CommandExitCodes
{
    public const int Success = 0;
}
