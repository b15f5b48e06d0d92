using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>What a test's jobs get from the test: a logger on the test's factory, the test's client, attempt counters.</summary>
public sealed class JobProbe(ILogger logger, IBackgroundJobClient client)
{
    public ILogger Logger { get; } = logger;

    public IBackgroundJobClient Client { get; } = client;

    /// <summary>How many times a job with a given marker has started.</summary>
    public ConcurrentDictionary<string, int> Attempts { get; } = new();
}
