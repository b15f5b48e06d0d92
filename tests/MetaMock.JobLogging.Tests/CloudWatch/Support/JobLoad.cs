using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Many jobs logging at once, each on its own task inside its own job context: "line {i}" for i in 0..lines-1.</summary>
public static class JobLoad
{
    public static Task EmitAsync(ILogger logger, string jobPrefix, int jobs, int lines) =>
        Task.WhenAll(Enumerable.Range(0, jobs).Select(job => Task.Run(() =>
        {
            using var context = MetaMockLogContext.BeginJobContext($"{jobPrefix}{job}");
            for (var i = 0; i < lines; i++)
            {
                logger.LogInformation("line {I}", i);
            }
        })));

    public static IEnumerable<string> ExpectedLines(string jobId, int lines) =>
        Enumerable.Range(0, lines).Select(i => $"[INFO] [job_id={jobId}] line {i}");
}
