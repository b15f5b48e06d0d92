using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// Writes a job's lines into moto through the real provider (production + CloudWatch mode), and returns once they are
/// delivered: disposing the provider flushes them.
/// </summary>
public static class MotoJobLines
{
    /// <summary>Logs <paramref name="lines"/> under the job context (<paramref name="jobId"/>, <paramref name="task"/>, <paramref name="runId"/>).</summary>
    public static async Task WriteAsync(MotoServer moto, string group, string jobId, string task, string runId, params (LogLevel Level, string Text)[] lines)
    {
        MotoLogging.UseDummyCredentials();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddMetaMockLogging(o => MotoLogging.Configure(o, moto, group)));
        await using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("jobs");
        using (MetaMockLogContext.BeginJobContext(jobId, task, runId))
        {
            foreach (var (level, text) in lines)
            {
                logger.Log(level, "{Line}", text);
            }
        }
    }
}
