using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// A small HTTP proxy on 127.0.0.1 in front of moto that injects the faults a real endpoint shows: 503 answers,
/// throttling, refused connections (before <see cref="Start"/>), slow answers (a fixed delay, or puts held until the
/// test lets them go), refused credentials, an InvalidParameterException for a poisoned event, answers lost after the
/// put was applied (the connection is reset), and CreateLogStream throttled above a rate. It counts calls by operation,
/// records each put's stream and event count, and the most PutLogEvents calls in flight at once.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly Uri _target;
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpListener _listener = new();
    private int _calls;
    private int _inFlight;
    private int _maxInFlight;
    private int _unavailableLeft;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _unavailableOf = new(StringComparer.Ordinal);
    private int _resetsLeft;
    private int _resets;
    private int _throttledCreates;
    private int _putsHeld;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, int> _callsByOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Stream, int Events)> _puts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _rateLock = new();
    private long _rateWindow = -1;
    private int _createsInWindow;

    public FaultProxy(Uri target, int? port = null)
    {
        _target = target;
        Port = port ?? MetaMock.JobLogging.Testing.MotoServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>The next this-many calls get HTTP 503 ServiceUnavailableException.</summary>
    public int UnavailableCalls { set => Volatile.Write(ref _unavailableLeft, value); }

    /// <summary>Every n-th call (0: none) gets a ThrottlingException.</summary>
    public int ThrottleEvery { get; set; }

    /// <summary>Added before each answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every call gets this authentication error type.</summary>
    public string? RefuseCredentialsWith { get; set; }

    /// <summary>A PutLogEvents whose body holds this text gets InvalidParameterException.</summary>
    public string? PoisonText { get; set; }

    /// <summary>When set, PutLogEvents is answered 200 with this body instead of being forwarded.</summary>
    public string? PutAnswer { get; set; }

    /// <summary>The next this-many PutLogEvents are applied (forwarded to moto), then their connection is reset: the answer is lost.</summary>
    public int ResetAfterApplyingPuts { set => Volatile.Write(ref _resetsLeft, value); }

    /// <summary>Once those resets are done, every later call is answered 503: the endpoint goes down right after.</summary>
    public bool DownAfterResets { get; set; }

    /// <summary>When set, CreateLogStream calls beyond this many in one second get a ThrottlingException (CloudWatch's account limit is 50).</summary>
    public int? CreateLogStreamPerSecond { get; set; }

    /// <summary>The next this-many calls of one operation are answered 503, as an outage of that API alone.</summary>
    public void MakeUnavailable(string operation, int calls) => _unavailableOf[operation] = calls;

    /// <summary>When set, every call is answered 200 with this body instead of being forwarded: another service on the port.</summary>
    public string? AnswerEveryCallWith { get; set; }

    /// <summary>Operations answered with AccessDeniedException, as IAM answers a role not allowed them (whether or not the resource exists).</summary>
    public IReadOnlyCollection<string> Deny { get; set; } = [];

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Puts whose connection was reset after moto applied them.</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>CreateLogStream calls answered ThrottlingException.</summary>
    public int ThrottledCreates => Volatile.Read(ref _throttledCreates);

    /// <summary>Puts waiting for <see cref="ReleasePuts"/> now.</summary>
    public int PutsHeld => Volatile.Read(ref _putsHeld);

    /// <summary>Every PutLogEvents that reached the proxy, in arrival order: its stream and how many events it carried.</summary>
    public IReadOnlyList<(string Stream, int Events)> Puts => [.. _puts];

    /// <summary>Calls of one operation (e.g. "CreateLogStream") that reached the proxy.</summary>
    public int CallsOf(string operation) => _callsByOperation.GetValueOrDefault(operation);

    /// <summary>From now on every PutLogEvents waits, before it is forwarded, until <see cref="ReleasePuts"/>: an endpoint as slow as the test needs, without sleeping.</summary>
    public void HoldPuts() => Volatile.Write(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets every held put (and later ones) go on.</summary>
    public void ReleasePuts() => Volatile.Read(ref _release).TrySetResult();

    public int MaxPutsInFlight => Volatile.Read(ref _maxInFlight);

    public void Start()
    {
        ReleasePuts();
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public void Dispose()
    {
        ReleasePuts();
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        _listener.Close();
        _forward.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        var target = context.Request.Headers["X-Amz-Target"] ?? string.Empty;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        _callsByOperation.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        var isPut = operation == "PutLogEvents";
        if (isPut)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }
        }

        try
        {
            using var bodyReader = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(bodyReader);
            var body = bodyReader.ToArray();
            if (isPut)
            {
                _puts.Enqueue(DescribePut(body));
                await HoldAsync();
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (RefuseCredentialsWith is { } authError)
            {
                await AnswerAsync(context, 400, authError, "The security token included in the request is invalid.");
            }
            else if (AnswerEveryCallWith is { } page)
            {
                await AnswerAsync(context, 200, Encoding.UTF8.GetBytes(page));
            }
            else if (Deny.Contains(operation))
            {
                await AnswerAsync(context, 400, "AccessDeniedException", $"User is not authorized to perform: logs:{operation}");
            }
            else if (Interlocked.Decrement(ref _unavailableLeft) >= 0 || _unavailableOf.AddOrUpdate(operation, -1, static (_, n) => n - 1) >= 0)
            {
                await AnswerAsync(context, 503, "ServiceUnavailableException", "injected outage");
            }
            else if ((ThrottleEvery > 0 && call % ThrottleEvery == 0) || (operation == "CreateLogStream" && OverCreateRate()))
            {
                await AnswerAsync(context, 400, "com.amazonaws.logs#ThrottlingException", "Rate exceeded");
            }
            else if (isPut && PoisonText is { } poison && Encoding.UTF8.GetString(body).Contains(poison, StringComparison.Ordinal))
            {
                await AnswerAsync(context, 400, "InvalidParameterException", "injected invalid event");
            }
            else if (isPut && PutAnswer is { } answer)
            {
                await AnswerAsync(context, 200, Encoding.UTF8.GetBytes(answer));
            }
            else
            {
                await ForwardAsync(context, body, resetIfApplied: isPut);
            }
        }
        finally
        {
            if (isPut)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task HoldAsync()
    {
        var release = Volatile.Read(ref _release).Task;
        if (!release.IsCompleted)
        {
            Interlocked.Increment(ref _putsHeld);
            await release;
            Interlocked.Decrement(ref _putsHeld);
        }
    }

    private bool OverCreateRate()
    {
        if (CreateLogStreamPerSecond is not { } limit)
        {
            return false;
        }

        lock (_rateLock)
        {
            var window = _clock.ElapsedMilliseconds / 1_000;
            if (window != _rateWindow)
            {
                (_rateWindow, _createsInWindow) = (window, 0);
            }

            if (++_createsInWindow <= limit)
            {
                return false;
            }
        }

        Interlocked.Increment(ref _throttledCreates);
        return true;
    }

    private static (string Stream, int Events) DescribePut(byte[] body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("logStreamName").GetString() ?? string.Empty, root.GetProperty("logEvents").GetArrayLength());
    }

    private async Task ForwardAsync(HttpListenerContext context, byte[] body, bool resetIfApplied)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body) };
        foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
            }
            else if (name.StartsWith("X-Amz", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
            }
        }

        using var response = await _forward.SendAsync(request);
        var payload = await response.Content.ReadAsByteArrayAsync();
        if (resetIfApplied && response.IsSuccessStatusCode && Interlocked.Decrement(ref _resetsLeft) >= 0)
        {
            // moto stored the events; the client sees its connection reset with no answer.
            Interlocked.Increment(ref _resets);
            if (DownAfterResets && Volatile.Read(ref _resetsLeft) <= 0)
            {
                UnavailableCalls = int.MaxValue;
            }
            ListenerReset.Reset(context);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/x-amz-json-1.1";
        context.Response.ContentLength64 = payload.Length;
        await context.Response.OutputStream.WriteAsync(payload);
        context.Response.Close();
    }

    private static Task AnswerAsync(HttpListenerContext context, int status, string type, string message) =>
        AnswerAsync(context, status, Encoding.UTF8.GetBytes($"{{\"__type\":\"{type}\",\"message\":\"{message}\"}}"));

    private static async Task AnswerAsync(HttpListenerContext context, int status, byte[] payload)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        // An explicit length delimits the answer on a kept-alive connection; without it a reused connection can
        // misread the next answer, and a retried request that was in fact processed would store events twice.
        context.Response.ContentLength64 = payload.Length;
        await context.Response.OutputStream.WriteAsync(payload);
        context.Response.Close();
    }
}
