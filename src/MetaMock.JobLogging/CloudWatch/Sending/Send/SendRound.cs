using System.Collections.Concurrent;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// One round of sending over the streams that had events when it began. A stream's calls are cut only when a slot is
/// free for them (<see cref="Dispatch"/>), from everything it holds by then: against a slow endpoint, a stream whose
/// turn comes after one answer time sends what arrived during it instead of what it held when the round began. At
/// most <c>parallelism</c> calls are out at once, counted over CALLS, not streams, so one busy stream uses every slot
/// (CloudWatch allows concurrent puts to one stream). After a stream's call fails, its later calls are skipped this
/// round (their events stay pending). A stream whose creation was throttled waits out its own backoff
/// (<see cref="StreamState.DeferCreation"/>); it does not hold back the others.
/// </summary>
/// <remarks>The loop calls <see cref="Dispatch"/> and <see cref="End"/>; the calls run on the thread pool.</remarks>
internal sealed class SendRound
{
    private readonly StreamSender _sender;
    private readonly List<StreamState> _streams;
    private readonly bool _fullCallsOnly;
    private readonly int _parallelism;
    private readonly TimeProvider _time;
    private readonly CancellationToken _deadline;
    private readonly Queue<PutCall> _ready = new();
    private readonly List<Task> _running = [];
    private readonly List<StreamState> _cut = [];
    private readonly ConcurrentDictionary<StreamState, bool> _failedStreams = new();
    private int _next;
    private Exception? _failure;
    private Exception? _refused;
    private Exception? _deferred;

    public SendRound(StreamSender sender, List<StreamState> streams, bool fullCallsOnly, int parallelism, TimeProvider time, CancellationToken deadline)
    {
        _sender = sender;
        _streams = streams;
        _fullCallsOnly = fullCallsOnly;
        _parallelism = Math.Max(1, parallelism);
        _time = time;
        _deadline = deadline;
    }

    /// <summary>At least one call was cut: false when every listed stream waited (its creation throttled) or held nothing to send.</summary>
    public bool CutAny { get; private set; }

    /// <summary>True once every stream was cut and every call has ended.</summary>
    public bool IsOver => _next >= _streams.Count && _ready.Count == 0 && _running.Count == 0;

    /// <summary>The last failure that should make the sender back off, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>An answer refusing the credentials, or null: the sender then gives CloudWatch up.</summary>
    public Exception? Refused => Volatile.Read(ref _refused);

    /// <summary>The last throttled creation: only its stream waits, so the sender records it without backing off.</summary>
    public Exception? Deferred => Volatile.Read(ref _deferred);

    /// <summary>Completes when a running call ends (at once when none runs).</summary>
    public Task AnyCallEnded => _running.Count == 0 ? Task.CompletedTask : Task.WhenAny(_running);

    /// <summary>Forgets ended calls, then cuts and starts calls while a slot is free. Loop only.</summary>
    public void Dispatch()
    {
        _running.RemoveAll(static call => call.IsCompleted);
        while (_running.Count < _parallelism && (_ready.Count > 0 || CutNext()))
        {
            if (_ready.TryDequeue(out var call))
            {
                _running.Add(Task.Run(() => RunAsync(call)));
            }
        }
    }

    /// <summary>After the round: what was settled leaves its stream, and the streams take arrivals again. Loop only.</summary>
    public void End()
    {
        foreach (var stream in _cut)
        {
            StreamSender.Complete(stream);
            stream.InRound = false;
        }
    }

    // Cuts the next stream that may go now; false when none is left.
    private bool CutNext()
    {
        var now = _time.GetUtcNow();
        while (_next < _streams.Count)
        {
            var stream = _streams[_next++];
            if (stream.InRound || stream.Pending.Count == 0 || stream.RetryAt > now)
            {
                continue;
            }

            stream.InRound = true;
            _cut.Add(stream);
            var calls = _sender.Plan(stream, _fullCallsOnly);
            calls.ForEach(_ready.Enqueue);
            if (calls.Count > 0)
            {
                CutAny = true;
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(PutCall call)
    {
        try
        {
            if (call.Previous is { } previous)
            {
                await previous.Done.Task.ConfigureAwait(false);
            }

            if (!_failedStreams.ContainsKey(call.Stream))
            {
                await _sender.PutAsync(call, _deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            // Shutdown deadline: the events stay pending and are reported as never sent.
            _failedStreams[call.Stream] = true;
        }
        catch (CloudWatchLogsException error) when (error.IsRetryable && error.Operation is "CreateLogStream" or "CreateLogGroup")
        {
            _failedStreams[call.Stream] = true;
            call.Stream.DeferCreation(_time.GetUtcNow());
            Volatile.Write(ref _deferred, error);
        }
#pragma warning disable CA1031 // Every failure is reported to the loop, which backs off; no event is lost by it.
        catch (Exception error)
#pragma warning restore CA1031
        {
            _failedStreams[call.Stream] = true;
            if (error is CloudWatchLogsException { IsAuthenticationFailure: true })
            {
                Volatile.Write(ref _refused, error);
            }
            else
            {
                Volatile.Write(ref _failure, error);
            }
        }
        finally
        {
            call.Done.TrySetResult();
        }
    }
}
