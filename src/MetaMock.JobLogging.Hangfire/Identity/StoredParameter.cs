using System.Globalization;
using Hangfire.Server;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// Reads the job parameters this package needs at perform time from the snapshot the worker already fetched, parsing
/// the plain forms (a JSON string without escapes, an integer) directly. Anything else goes through Hangfire's own
/// <c>GetJobParameter</c>, so the result is always what Hangfire would return.
/// </summary>
/// <remarks>
/// Hangfire's reader runs its JSON deserializer for every parameter: three of them per job cost more than the rest of the
/// filter's work together (measured with the JobBench program).
/// </remarks>
internal static class StoredParameter
{
    public static string? Text(PerformContext context, string name) => TextMemory(context, name)?.ToString();

    /// <summary>
    /// Like <see cref="Text"/>, but a plain string stays a slice of the snapshot's value: a caller that parses it
    /// copies out only the parts it keeps.
    /// </summary>
    public static ReadOnlyMemory<char>? TextMemory(PerformContext context, string name)
    {
        if (!TryRaw(context, name, out var raw))
        {
            return context.GetJobParameter<string?>(name, allowStale: true)?.AsMemory();
        }

        if (raw is null || raw == "null")
        {
            return null;
        }

        var inner = raw.AsSpan();
        return inner.Length >= 2 && inner[0] == '"' && inner[^1] == '"' && !inner[1..^1].ContainsAny('"', '\\')
            ? raw.AsMemory(1, raw.Length - 2)
            : context.GetJobParameter<string?>(name, allowStale: true)?.AsMemory();
    }

    public static int Number(PerformContext context, string name)
    {
        if (!TryRaw(context, name, out var raw))
        {
            return context.GetJobParameter<int>(name, allowStale: true);
        }

        if (raw is null)
        {
            return 0;
        }

        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : context.GetJobParameter<int>(name, allowStale: true);
    }

    // False when the storage gave no snapshot: Hangfire's reader then asks the storage, as it would have anyway.
    private static bool TryRaw(PerformContext context, string name, out string? raw)
    {
        raw = null;
        if (context.BackgroundJob.ParametersSnapshot is not { } snapshot)
        {
            return false;
        }

        snapshot.TryGetValue(name, out raw);
        return true;
    }
}
