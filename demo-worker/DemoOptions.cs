using MetaMock.DemoWorker.Storage;

namespace MetaMock.DemoWorker;

/// <summary>What the command line asked for.</summary>
internal sealed record DemoOptions(int BulkJobs, int Images, double FailureRate, int Seed, bool Serve, Uri? Dashboard = null)
{
    /// <summary>Where Hangfire keeps the jobs.</summary>
    public StorageKind Storage { get; init; } = StorageKind.Memory;

    /// <summary>The PostgreSQL connection string (only with <see cref="StorageKind.Postgres"/>).</summary>
    public string? Connection { get; init; }

    /// <summary>The PostgreSQL schema Hangfire's tables live in.</summary>
    public string Schema { get; init; } = "hangfire";
}
