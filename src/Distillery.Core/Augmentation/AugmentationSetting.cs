namespace Distillery.Augmentation;

/// <summary>
/// An augmentation strategy given as a setting (e.g. <c>Methods:dm:Augmentation</c>): checked when the options are
/// validated at start-up, and parsed with the setting named in the error.
/// </summary>
public static class AugmentationSetting
{
    /// <summary>Why <paramref name="text"/> is not an augmentation strategy; null when it is one.</summary>
    public static string? Problem(string? text)
    {
        try
        {
            AugmentationStrategy.Parse(text);
            return null;
        }
        catch (UserErrorException error)
        {
            return error.Message;
        }
    }

    /// <summary>The strategy <paramref name="text"/> names.</summary>
    /// <exception cref="UserErrorException">It names none; the message names <paramref name="setting"/>.</exception>
    public static AugmentationStrategy Parse(string? text, string setting)
    {
        try
        {
            return AugmentationStrategy.Parse(text);
        }
        catch (UserErrorException error)
        {
            throw new UserErrorException($"{setting} is not valid. {error.Message}", error);
        }
    }
}
