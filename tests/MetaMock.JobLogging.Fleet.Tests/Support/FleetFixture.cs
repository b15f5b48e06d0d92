using System.Diagnostics;
using Hangfire;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Testing.Postgres;

namespace MetaMock.JobLogging.Fleet.Tests.Support;

/// <summary>
/// The fleet the workflow and Quartz tests share, started on first use (a test skipped for want of PostgreSQL never
/// starts it) and stopped when the collection ends. The tests run one at a time: a fleet is three processes.
/// </summary>
public sealed class FleetFixture : IDisposable
{
    private readonly Lazy<WorkerFleet> _fleet = new(() => new WorkerFleet());

    static FleetFixture() => EnqueuerFilter.Register();

    public WorkerFleet Fleet => _fleet.Value;

    public void Dispose()
    {
        if (_fleet.IsValueCreated)
        {
            _fleet.Value.Dispose();
        }
    }
}

/// <summary>The collection every fleet test belongs to.</summary>
[CollectionDefinition(Name)]
public sealed class FleetTestGroup : ICollectionFixture<FleetFixture>
{
    public const string Name = "fleet";
}

/// <summary>This process enqueues like an application would: MetaMock's filter captures the enqueuer's context.</summary>
internal static class EnqueuerFilter
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalConfiguration.Configuration.UseMetaMockJobContext();
        return true;
    });

    public static void Register() => _ = Registered.Value;
}

/// <summary>Polls a job stream until a condition holds on its parsed lines.</summary>
internal static class StreamWait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<StreamLine>> UntilAsync(WorkerFleet fleet, string stream, Func<IReadOnlyList<StreamLine>, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lines = (await fleet.Logs.MessagesAsync(fleet.Group, stream)).Select(StreamLine.Parse).ToList();
            if (done(lines))
            {
                return lines;
            }

            if (clock.Elapsed > Timeout)
            {
                Assert.Fail($"Gave up after {Timeout.TotalSeconds:0} s waiting for {what} in {stream}; it holds:\n" +
                    string.Join('\n', lines) + "\n" + fleet.Output);
            }

            await Task.Delay(200);
        }
    }
}
