using System.Globalization;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// <c>log --endpoint URL --group G --spool DIR --format json|text --progress FILE --streams N --threads T [--count C]</c>
/// logs until killed (or <c>C</c> lines per stream, then exits normally); <c>drain --endpoint URL --group G --spool DIR
/// --format json|text</c> logs nothing, waits until what the spool held is delivered, and exits.
/// </summary>
internal sealed record CrashArguments(bool Drain, Uri Endpoint, string Group, string Spool, LogFormat Format, string? Progress, int Streams, int Threads, long? Count)
{
    /// <summary>The job id of stream <paramref name="stream"/>; its CloudWatch stream is <c>jobs/{id}</c>.</summary>
    public static string JobId(int stream) => $"crash-{stream.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>Reads the arguments; a missing or unknown one is a clear error.</summary>
    public static CrashArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("log" or "drain"))
        {
            throw new ArgumentException("The first argument is the mode: log or drain.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Count)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required.");
        int Number(string key, int fallback) => values.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var drain = args[0] == "drain";
        return new CrashArguments(
            drain,
            new Uri(Required("endpoint")),
            Required("group"),
            Required("spool"),
            Enum.Parse<LogFormat>(Required("format"), ignoreCase: true),
            drain ? null : Required("progress"),
            Number("streams", 1000),
            Number("threads", 2),
            values.TryGetValue("count", out var count) ? long.Parse(count, CultureInfo.InvariantCulture) : null);
    }
}
