using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Configuration;

/// <summary>Every setting that text sources can give, and how each value is read.</summary>
internal static class Settings
{
    public static readonly IReadOnlyList<Setting> All =
    [
        new("ENVIRONMENT", "Environment", "development, production",
            (text, o) => TryEnvironment(text) is { } value && Apply(() => o.Environment = value)),
        new("USE_CLOUDWATCH", "UseCloudWatch", "true, false, 1, 0, yes, no",
            (text, o) => TryBool(text) is { } value && Apply(() => o.UseCloudWatch = value)),
        new("LOG_LEVEL", "LogLevel", "TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL (or .NET's Trace, Debug, Information, Warning, Error, Critical, None)",
            (text, o) => TryLevel(text) is { } value && Apply(() => o.LogLevel = value)),
        new("CLOUDWATCH_LOG_GROUP", "LogGroup", "a non-empty log group name",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.LogGroup = text.Trim())),
        new("AWS_DEFAULT_REGION", "Region", "an AWS region name such as ap-south-1",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.Region = text.Trim())),
        // AWS_REGION is the SDKs' newer name and wins over AWS_DEFAULT_REGION, so it is read after it.
        new("AWS_REGION", "", "an AWS region name such as ap-south-1",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.Region = text.Trim())),
        new("SERVICE_NAME", "ServiceName", "a non-empty service name",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.ServiceName = text.Trim())),
        new("LOG_FORMAT", "Format", "text, json",
            (text, o) => TryFormat(text) is { } value && Apply(() => o.Format = value)),
    ];

    public static LogLevel? TryLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => null,
    };

    private static bool? TryBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => null,
    };

    private static MetaMockEnvironment? TryEnvironment(string text) => text.Trim().ToUpperInvariant() switch
    {
        "DEVELOPMENT" => MetaMockEnvironment.Development,
        "PRODUCTION" => MetaMockEnvironment.Production,
        _ => null,
    };

    private static LogFormat? TryFormat(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TEXT" => LogFormat.Text,
        "JSON" => LogFormat.Json,
        _ => null,
    };

    private static bool Apply(Action assign)
    {
        assign();
        return true;
    }
}
