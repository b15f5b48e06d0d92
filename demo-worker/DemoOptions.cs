namespace MetaMock.DemoWorker;

/// <summary>What the command line asked for.</summary>
internal sealed record DemoOptions(int BulkJobs, int Images, double FailureRate, int Seed, bool Serve, Uri? Dashboard = null);
