namespace MetaMock.JobLogging.Fleet.Worker;

/// <summary>This worker's name (<c>w1</c>...), which every test line carries so a test can tell where a step ran.</summary>
public sealed record WorkerIdentity(string Name);
