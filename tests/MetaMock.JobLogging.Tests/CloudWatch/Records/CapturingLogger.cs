using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

/// <summary>Keeps the last state Microsoft.Extensions.Logging handed to a logger, with what its formatter prints for it.</summary>
internal sealed class CapturingLogger : ILogger
{
    public object? State { get; private set; }

    public string Formatted { get; private set; } = "";

    public object? Deferred { get; private set; }

    /// <summary>The typed reader of the last state's values, when it has one.</summary>
    public Action<object, MetaMock.JobLogging.CloudWatch.Records.EncodeScratch>? Reader { get; private set; }

    /// <summary>
    /// What <see cref="MetaMock.JobLogging.CloudWatch.DeferredMessage.TryDefer"/> gives for the state, in a holder of
    /// its own: the one a log call gets is the thread's, released when the call ends.
    /// </summary>
    public static object? KeepDeferred<TState>(TState state, Func<TState, Exception?, string> formatter)
    {
        var deferred = MetaMock.JobLogging.CloudWatch.DeferredMessage.TryDefer(state, formatter);
        if (deferred is null)
        {
            return null;
        }

        deferred.Release();
        var kept = MetaMock.JobLogging.CloudWatch.TemplateState<TState>.Create();
        kept.Value = state;
        return kept;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        State = state;
        Formatted = formatter(state, exception);
        Deferred = KeepDeferred(state, formatter);
        Reader = MetaMock.JobLogging.CloudWatch.Records.TypedValues<TState>.Reader;
    }
}
