using Microsoft.Extensions.Logging;
using ZLogger;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// ZLogger as the benchmarks measure it (B1's peer row, B3's Quartz reference variant): plain text with a timestamp,
/// level and category prefix, scopes (the job context) included, writers blocking when its buffer is full, to a null stream.
/// </summary>
internal static class ZLoggerPeer
{
    public static ILoggingBuilder AddZLoggerPeer(this ILoggingBuilder logging) =>
        logging.AddZLoggerStream(Stream.Null, o =>
        {
            o.IncludeScopes = true;
            o.FullMode = BackgroundBufferFullMode.Block;
            o.BackgroundBufferCapacity = 10_000;
            o.UsePlainTextFormatter(f => f.SetPrefixFormatter($"{0:timestamp} {1:short} {2} ", (in MessageTemplate t, in LogInfo info) => t.Format(info.Timestamp, info.LogLevel, info.Category)));
        });
}
