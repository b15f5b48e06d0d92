using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Routing;

/// <summary>
/// The logger of one category: hands each record that passed MEL's filters to its routes. With CloudWatch active,
/// every record is captured for CloudWatch and only WARNING and above also go to the console (the original Python design's dual
/// routing); otherwise everything goes to the console.
/// </summary>
internal sealed class MetaMockLogger : ILogger
{
    private readonly ILogger _console;
    private readonly CloudWatchRoute? _cloudWatch;
    private readonly InternedText? _category;

    public MetaMockLogger(ILogger console, CloudWatchRoute? cloudWatch = null, string category = "")
    {
        _console = console;
        _cloudWatch = cloudWatch;
        _category = cloudWatch?.Category(category);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _console.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.None)
        {
            return;
        }

        if (_cloudWatch is { } cloudWatch)
        {
            if (!cloudWatch.IsActive)
            {
                // Meant for CloudWatch, written to the console instead: counted, so the diagnostics add up.
                cloudWatch.CountWrittenToConsole();
            }
            else
            {
                var stamp = cloudWatch.Capture(logLevel, _category!, state, exception, formatter);
                if (!CloudWatchRoute.AlsoOnConsole(logLevel))
                {
                    return;
                }

                // The console's JSON line of this call carries the seq and timestamp its CloudWatch line carries (text shares nothing).
                var previous = LineOrigin.Share(stamp);
                try
                {
                    _console.Log(logLevel, eventId, state, exception, formatter);
                }
                finally
                {
                    LineOrigin.EndShare(previous);
                }

                return;
            }
        }

        _console.Log(logLevel, eventId, state, exception, formatter);
    }
}
