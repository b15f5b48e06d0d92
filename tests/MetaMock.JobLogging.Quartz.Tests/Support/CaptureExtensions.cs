using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Quartz.Tests.Support;

/// <summary>Selects captured lines by who wrote them.</summary>
internal static class CaptureExtensions
{
    /// <summary>Lines written through an <c>ILogger&lt;T&gt;</c> (a job's own lines, or the listener's).</summary>
    public static IReadOnlyList<CapturedLine> From<T>(this CapturingLoggerProvider capture) =>
        capture.Lines.Where(l => l.Category == typeof(T).FullName).ToList();
}
