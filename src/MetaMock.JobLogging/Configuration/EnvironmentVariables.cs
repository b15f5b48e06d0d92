namespace MetaMock.JobLogging.Configuration;

/// <summary>Reads environment variables; a seam so tests can give a process-independent set.</summary>
internal sealed class EnvironmentVariables
{
    private readonly Func<string, string?> _read;

    public EnvironmentVariables(Func<string, string?> read) => _read = read;

    public static EnvironmentVariables Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? Get(string name) => _read(name);
}
