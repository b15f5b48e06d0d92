using MetaMock.JobLogging.Quartz.Listener;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Quartz.Tests.Listener;

public sealed class ListenerLogTests
{
    [Fact]
    public void The_job_key_travels_as_its_group_and_name_so_JSON_lines_carry_them_as_properties_and_text_reads_group_dot_name()
    {
        var logger = new StateProbe();

        ListenerLog.Completed(logger, "reports", "nightly", 12.5);

        // Strings and a double only: the core's deferred-message rule lets the sender format such a state.
        Assert.Equal(["JobGroup", "JobName", "DurationMs", "{OriginalFormat}"], logger.State.Select(p => p.Key));
        Assert.Equal(["reports", "nightly", 12.5], logger.State.Take(3).Select(p => p.Value));
        Assert.Equal("Job reports.nightly completed in 12.5 ms", logger.Message);
    }

    private sealed class StateProbe : ILogger
    {
        public IReadOnlyList<KeyValuePair<string, object?>> State { get; private set; } = [];

        public string Message { get; private set; } = string.Empty;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            State = [.. (IReadOnlyList<KeyValuePair<string, object?>>)state!];
            Message = formatter(state, exception);
        }
    }
}
