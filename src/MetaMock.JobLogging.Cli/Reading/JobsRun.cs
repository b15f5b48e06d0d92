using System.Globalization;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;

namespace MetaMock.JobLogging.Cli.Reading;

/// <summary><c>jobs</c>: the most recently written job streams, newest first, with their last event time and size.</summary>
internal static class JobsRun
{
    public static async Task<int> RunAsync(LogStreamReader reader, CliConsole console, string group, string prefix, int limit, CancellationToken cancellationToken)
    {
        var streams = await reader.RecentStreamsAsync(group, StreamNames.JobPrefix + prefix, limit, cancellationToken).ConfigureAwait(false);
        foreach (var stream in streams)
        {
            var last = stream.LastEventTimestamp is { } ms
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : "-";
            var size = stream.StoredBytes is { } bytes and > 0 ? bytes.ToString(CultureInfo.InvariantCulture) : "-";
            await console.Out.WriteLineAsync($"{last}  {size,12}  {stream.LogStreamName[StreamNames.JobPrefix.Length..]}").ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
