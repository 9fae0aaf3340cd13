using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Distillery.Host.Configuration;

/// <summary>
/// Checks the log levels of the <c>Logging</c> section (<c>Logging:LogLevel:Default</c>, <c>Logging:Console:LogLevel:X</c>)
/// before the logging system reads them: it would fail on a level it does not know with an internal error.
/// </summary>
public static class LogLevelCheck
{
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            var parts = key.Split(':');
            if (string.IsNullOrEmpty(value) || parts.Length < 3 || !parts[^2].Equals("LogLevel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                throw new UserErrorException(
                    $"{key} = '{value}' is not a log level; use one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
            }
        }
    }
}
