using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>
/// A worker's view of one fetched job: a real <see cref="PerformContext"/> over the given parameter snapshot (stored
/// JSON, as the storage returns it), with a real storage behind it for Hangfire's own <c>GetJobParameter</c>.
/// </summary>
internal sealed class SnapshotPerform : IDisposable
{
    private readonly InMemoryStorage _storage = new();

    public PerformContext With(Dictionary<string, string> snapshot)
    {
        var job = new BackgroundJob("1", Job.FromExpression(() => System.Console.WriteLine()), DateTime.UtcNow, snapshot);
        return new PerformContext(_storage, _storage.GetConnection(), job, new JobCancellationToken(false));
    }

    /// <summary>A snapshot holding one parameter, serialized as Hangfire serializes job parameters.</summary>
    public PerformContext WithStored<T>(string name, T value) =>
        With(new Dictionary<string, string> { [name] = SerializationHelper.Serialize(value, SerializationOption.User) });

    public void Dispose() => _storage.Dispose();
}
