namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// A fresh, empty spool directory for one measured provider, deleted with everything in it when disposed (after the
/// provider), so no run replays another's events.
/// </summary>
internal sealed class TempSpool : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("metamock-bench-spool-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
