using MetaMock.JobLogging;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Testing;

/// <summary>One log call as a test sees it: what was logged and the ambient context at the moment of the call.</summary>
public sealed record CapturedLine(
    LogLevel Level,
    string Category,
    string Message,
    Exception? Exception,
    UserContext? User,
    JobContext? Job,
    IReadOnlyList<KeyValuePair<string, object?>> ScopeProperties)
{
    /// <summary>The job id the line carried, or null.</summary>
    public string? JobId => Job?.JobId;

    /// <summary>The first scope property with this key, or null.</summary>
    public object? Scope(string key) => ScopeProperties.FirstOrDefault(p => p.Key == key).Value;
}
