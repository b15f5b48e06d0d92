namespace MetaMock.JobLogging.Fleet.Worker;

/// <summary>
/// <c>--name w1 --connection "Host=..." --queues w1,default --endpoint http://127.0.0.1:PORT/ --group G [--spool DIR]</c>, or
/// <c>--install --connection "Host=..."</c> to create Hangfire's and Quartz's schemas once before any worker starts.
/// </summary>
public sealed record WorkerArguments(string Name, string Connection, IReadOnlyList<string> Queues, Uri? Endpoint, string Group, bool Install)
{
    /// <summary>The worker's spool directory (its events survive a kill there), or null for memory.</summary>
    public string? Spool { get; init; }

    /// <summary>Reads the arguments; a missing value is a clear error.</summary>
    public static WorkerArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var install = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--install")
            {
                install = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
        }

        string Required(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required.");
        var connection = Required("connection");
        return install
            ? new WorkerArguments("installer", connection, [], null, string.Empty, Install: true)
            : new WorkerArguments(
                Required("name"),
                connection,
                Required("queues").Split(',', StringSplitOptions.RemoveEmptyEntries),
                new Uri(Required("endpoint")),
                Required("group"),
                Install: false)
            {
                Spool = values.GetValueOrDefault("spool"),
            };
    }
}
