using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// The sender's failure policy: how a failed round backs off (<see cref="Backoff"/>), what the warnings say
/// (the error's kind and the endpoint it failed against, never a credential), and the shutdown's last word on what
/// was not delivered. Loop only, except <see cref="ReportShutdown"/>, which runs once the loop is over.
/// </summary>
internal sealed class SendFailures
{
    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeSpan _warningInterval;
    private readonly string _endpoint;
    private TimeSpan _backoff = TimeSpan.Zero;
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;
    private string? _lastFailure;

    public SendFailures(SenderCounters counters, SenderOutput output, Uri endpoint, TimeSpan warningInterval)
    {
        _counters = counters;
        _output = output;
        _warningInterval = warningInterval;
        // Scheme, host, port and path only: user info or a query could carry a secret.
        _endpoint = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <summary>No send before this time (the backoff after a failed round); draining goes on.</summary>
    public DateTimeOffset RetryAt { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Takes an ended round's outcome: a throttled creation is recorded, a failure backs off, a round that went through
    /// ends the backoff (unless the shutdown deadline cut it short, which proves nothing). Returns the cause to give
    /// CloudWatch up for when the credentials were refused, else null.
    /// </summary>
    public string? AfterRound(SendRound round, DateTimeOffset now, long bufferedEvents, bool cutShort)
    {
        if (round.Deferred is { } deferred)
        {
            Deferred(deferred, now);
        }

        if (round.Refused is { } refused)
        {
            return Refused(refused, now);
        }

        if (round.Failure is { } failure)
        {
            BackOff(failure, now, bufferedEvents);
        }
        else if (!cutShort)
        {
            Succeeded();
        }

        return null;
    }

    /// <summary>A round failed: remember why, back off, and warn at most once per interval.</summary>
    private void BackOff(Exception error, DateTimeOffset now, long bufferedEvents)
    {
        var failure = Describe(error);
        _lastFailure = failure;
        _counters.RecordError(failure, now);
        _backoff = Backoff.Next(_backoff);
        RetryAt = now + _backoff;
        if (now - _lastWarning >= _warningInterval)
        {
            _lastWarning = now;
            _output.Warning(string.Create(
                CultureInfo.InvariantCulture,
                $"MetaMock.JobLogging: sending to CloudWatch Logs failed ({failure}); {bufferedEvents} event(s) kept in the buffer, retrying in {_backoff.TotalSeconds:0.#} s."));
        }
    }

    /// <summary>Only one stream waits (its creation was throttled): recorded as the last error, no backoff for the rest.</summary>
    private void Deferred(Exception error, DateTimeOffset now) => _counters.RecordError(Describe(error), now);

    /// <summary>A round went through: the backoff and the last failure are over.</summary>
    private void Succeeded()
    {
        _backoff = TimeSpan.Zero;
        _lastFailure = null;
    }

    /// <summary>Refused credentials: recorded, and the cause for the switch to the console.</summary>
    private string Refused(Exception error, DateTimeOffset now)
    {
        // The operation too: a role denied only CreateLogGroup for a missing group is told apart from a bad key.
        var cause = error is CloudWatchLogsException service
            ? $"CloudWatch Logs at {_endpoint} refused the credentials ({service.ErrorType} on {service.Operation})"
            : $"CloudWatch Logs at {_endpoint} refused the credentials ({error.GetType().Name})";
        _counters.RecordError(cause, now);
        return cause;
    }

    /// <summary>The shutdown's last line: what never left, apart from what was out when the time ran out.</summary>
    public void ReportShutdown(long neverSent, long inFlight, bool spooled)
    {
        if (neverSent + inFlight <= 0)
        {
            return;
        }

        var cause = _lastFailure is null ? "the shutdown timeout ran out" : $"last error: {_lastFailure}";
        var unsent = spooled ? "stay in the spool for the next start to send" : "never sent";
        _output.Warning(string.Create(
            CultureInfo.InvariantCulture,
            $"MetaMock.JobLogging: {neverSent + inFlight} event(s) could not be delivered to CloudWatch Logs before shutdown ({cause}): {neverSent} {unsent}; {inFlight} in flight when the time ran out (they may have arrived)."));
    }

    public string Describe(Exception error) => error switch
    {
        CloudWatchLogsException service => $"{service.ErrorType} on {service.Operation} at {_endpoint}",
        AnswerLostException lost => $"no answer from the endpoint {_endpoint} to {lost.Operation}: {lost.Cause}",
        HttpRequestException http => $"no answer from the endpoint {_endpoint}: {http.HttpRequestError}",
        _ => $"{error.GetType().Name} at {_endpoint}",
    };
}
