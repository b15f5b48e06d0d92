using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.CloudWatch;

/// <summary>The whole path: a real BackgroundJobServer, the real provider in production + CloudWatch mode, moto as CloudWatch.</summary>
public sealed class JobStreamTests
{
    [Fact]
    public async Task Through_the_CloudWatch_provider_against_moto_a_workflow_with_a_child_lands_in_one_jobs_stream()
    {
        using var moto = MotoServer.Start();
        var group = "hangfire-" + Guid.NewGuid().ToString("N");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddMetaMockLogging(o => MotoLogging.Configure(o, moto, group)));
        MotoLogging.UseDummyCredentials();
        using var reader = new MotoLogsReader(moto.Endpoint);

        string parent;
        await using (var provider = services.BuildServiceProvider())
        {
            using var hangfire = new HangfireHarness(loggerFactory: provider.GetRequiredService<ILoggerFactory>());
            hangfire.StartServer(workerCount: 2);
            using (MetaMockLogContext.BeginUserContext("user-9"))
            {
                parent = hangfire.Enqueue<ContextJobs>(j => j.Parent("family"));
            }

            // The parent, its child and the child's continuation: three jobs, one line each.
            await reader.WaitForMessagesAsync(group, "jobs/" + parent, 3, TimeSpan.FromSeconds(30));
        }

        // Read after the provider's disposal flushed everything: nothing more arrived, nothing went elsewhere.
        var lines = await reader.MessagesAsync(group, "jobs/" + parent);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.StartsWith($"[INFO] [user_id=user-9 job_id={parent} task=", line, StringComparison.Ordinal));
        Assert.Single(lines, l => l.EndsWith($"task=Parent run_id={parent}] parent family", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("task=Sync run_id=", StringComparison.Ordinal) && l.EndsWith("sync family child", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("task=Sync run_id=", StringComparison.Ordinal) && l.EndsWith("sync family continuation", StringComparison.Ordinal));
        Assert.Equal(3, lines.Select(RunIdOf).Distinct().Count());
        Assert.Equal(["jobs/" + parent], (await reader.StreamsAsync(group)).Where(s => s.StartsWith("jobs/", StringComparison.Ordinal)));
    }

    private static string RunIdOf(string line)
    {
        var start = line.IndexOf("run_id=", StringComparison.Ordinal) + "run_id=".Length;
        return line[start..line.IndexOf(']', start)];
    }
}
