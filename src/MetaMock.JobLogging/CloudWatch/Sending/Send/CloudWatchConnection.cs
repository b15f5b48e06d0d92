using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// The loop's link to CloudWatch, made once when it starts: the client, and the stream sender over it with the
/// retention each group is created with. A client that cannot be made (credentials missing, anything else) gives
/// CloudWatch up for the console instead; the loop then has no sender.
/// </summary>
internal sealed class CloudWatchConnection : IDisposable
{
    private readonly MetaMockLoggingOptions _options;
    private readonly ICloudWatchClientSource _clients;
    private readonly ConsoleFallback _fallback;
    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeProvider _time;
    private readonly ILogEventBuffer _buffer;
    private readonly MessageStore _store;
    private ICloudWatchLogsClient? _client;

    public CloudWatchConnection(
        MetaMockLoggingOptions options,
        ICloudWatchClientSource clients,
        ConsoleFallback fallback,
        SenderCounters counters,
        SenderOutput output,
        TimeProvider time,
        ILogEventBuffer buffer,
        MessageStore store)
    {
        _options = options;
        _clients = clients;
        _fallback = fallback;
        _counters = counters;
        _output = output;
        _time = time;
        _buffer = buffer;
        _store = store;
    }

    /// <summary>The stream sender over a new client, or null once CloudWatch was given up for the console.</summary>
    public async Task<StreamSender?> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            _client = await _clients.CreateAsync(_options, cancellationToken).ConfigureAwait(false);
            return new StreamSender(_client, new ResourceCreator(_client, RetentionByGroup(), _counters, _output, _time), _counters, _buffer, BatchLimits.CloudWatch, _store);
        }
        catch (CredentialsUnavailableException error)
        {
            _fallback.SwitchToConsole(error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _fallback.SwitchToConsole($"the CloudWatch Logs client could not be created ({error.GetType().Name})");
        }

        return null;
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();

    private Dictionary<string, int> RetentionByGroup()
    {
        var retention = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_options.RetentionDays is { } days)
        {
            retention[_options.LogGroup] = days;
        }

        if (_options.JobLogGroup is { } jobGroup && _options.JobRetentionDays is { } jobDays)
        {
            retention[jobGroup] = jobDays;
        }

        return retention;
    }
}
