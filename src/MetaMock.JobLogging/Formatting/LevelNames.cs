using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>The original Python design's level names, so lines read the same as the system this ports.</summary>
internal static class LevelNames
{
    public static string Of(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "NONE",
    };
}
