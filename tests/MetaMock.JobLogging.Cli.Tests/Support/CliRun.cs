using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Cli.Tests.Support;

/// <summary>Runs the command in this process with its own environment variables and captured output.</summary>
internal sealed class CliRun
{
    private readonly Dictionary<string, string> _environment;

    public CliRun(Uri endpoint, string group) =>
        _environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = endpoint.ToString(),
            ["AWS_REGION"] = "ap-south-1",
            ["CLOUDWATCH_LOG_GROUP"] = group,
        };

    public StringWriter Out { get; } = new();

    /// <summary>Sets (or, with null, removes) one environment variable the command sees.</summary>
    public CliRun With(string name, string? value)
    {
        if (value is null)
        {
            _environment.Remove(name);
        }
        else
        {
            _environment[name] = value;
        }

        return this;
    }

    public StringWriter Error { get; } = new();

    public string[] Lines => Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        CliApp.RunAsync(
            args,
            new CliConsole(TextWriter.Synchronized(Out), TextWriter.Synchronized(Error), Colour: false),
            new EnvironmentVariables(name => _environment.TryGetValue(name, out var value) ? value : null),
            cancellationToken);
}
