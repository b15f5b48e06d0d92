using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.JobBench.Logging;
using MetaMock.JobLogging.JobBench.Measurement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// The filter's own CPU per job, single-threaded (<c>--breakdown</c>): OnCreating under a user and job context, plus
/// Hangfire's serialization of the parameter it adds, then OnPerforming and OnPerformed on the fetched job, minus
/// the same loop that only builds Hangfire's contexts. Unlike the throughput figures it barely moves with the load.
/// </summary>
internal static class FilterCost
{
    public static async Task RunAsync(int jobs, int rounds)
    {
        var services = new ServiceCollection();
        BenchLogging.Add(services);
        await using var built = services.BuildServiceProvider();
        var filter = new MetaMockJobContextFilter(built.GetRequiredService<ILoggerFactory>(), JobSettings.None);
        using var storage = new InMemoryStorage();
        using var connection = storage.GetConnection();
        var job = Job.FromExpression(() => TrivialHangfireJob.Run());
        var fetched = new Dictionary<string, string>
        {
            [JobParameters.CapturedContext] = SerializationHelper.Serialize(new CapturedIds("42", "wf-7").Format(), SerializationOption.User),
        };
        var token = new JobCancellationToken(false);

        void OneJob(bool withFilter)
        {
            var creating = new CreatingContext(new CreateContext(storage, connection, job, new EnqueuedState()));
            if (withFilter)
            {
                filter.OnCreating(creating);
                foreach (var parameter in creating.Parameters)
                {
                    SerializationHelper.Serialize(parameter.Value, SerializationOption.User);
                }
            }

            var perform = new PerformContext(storage, connection, new BackgroundJob("1", job, DateTime.UtcNow, fetched), token);
            var performing = new PerformingContext(perform);
            var performed = new PerformedContext(perform, null, false, null);
            if (withFilter)
            {
                filter.OnPerforming(performing);
                filter.OnPerformed(performed);
            }
        }

        var costs = new List<double>();
        using (MetaMockLogContext.BeginContext(new UserContext("42"), new JobContext("wf-7", "api")))
        {
            for (var round = 0; round < rounds + 1; round++)
            {
                var bare = CpuLoop.MicrosecondsPerCall(jobs, () => OneJob(withFilter: false));
                var with = CpuLoop.MicrosecondsPerCall(jobs, () => OneJob(withFilter: true));
                if (round > 0)
                {
                    costs.Add(with - bare);
                }
            }
        }

        System.Console.WriteLine($"== Hangfire filter's own work per job (enqueue + perform, single thread): {Stats.Median(costs):F2} cpu-us (median of {rounds} x {jobs:N0})");
    }
}
