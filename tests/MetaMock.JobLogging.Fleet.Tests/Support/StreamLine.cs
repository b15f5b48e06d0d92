using System.Text.Json;

namespace MetaMock.JobLogging.Fleet.Tests.Support;

/// <summary>
/// One JSON line of a job stream, with the keys the fleet tests look at. <see cref="Origin"/> (host, process, sequence)
/// names the log call: two deliveries of one call share it.
/// </summary>
public sealed record StreamLine(string Message, string Level, string? JobId, string? UserId, string? TaskName, string? TaskRunId, string? Marker, string? Worker, string Origin)
{
    /// <summary>The template value <c>Firing</c> (a Quartz job's name), when the line has one.</summary>
    public string? Firing { get; init; }

    public static StreamLine Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string key) => root.TryGetProperty(key, out var value) ? value.ToString() : null;
        return new StreamLine(Text("message") ?? string.Empty, Text("level") ?? string.Empty, Text("job_id"), Text("user_id"), Text("task_name"), Text("task_run_id"), Text("Marker"), Text("Worker"), $"{Text("host")}/{Text("pid")}/{Text("seq")}")
        {
            Firing = Text("Firing"),
        };
    }
}
