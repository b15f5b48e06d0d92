using System.Net;
using System.Text;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// A small HTTP proxy on 127.0.0.1 in front of moto that injects the faults a real endpoint shows: 503 answers,
/// throttling, refused connections (before <see cref="Start"/>), slow answers, refused credentials, and an
/// InvalidParameterException for a poisoned event. It counts calls and the most PutLogEvents calls in flight at once.
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

    public int Calls => Volatile.Read(ref _calls);

    public int MaxPutsInFlight => Volatile.Read(ref _maxInFlight);

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public void Dispose()
    {
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
        var isPut = target.EndsWith(".PutLogEvents", StringComparison.Ordinal);
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
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (RefuseCredentialsWith is { } authError)
            {
                await AnswerAsync(context, 400, authError, "The security token included in the request is invalid.");
            }
            else if (Interlocked.Decrement(ref _unavailableLeft) >= 0)
            {
                await AnswerAsync(context, 503, "ServiceUnavailableException", "injected outage");
            }
            else if (ThrottleEvery > 0 && call % ThrottleEvery == 0)
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
                await ForwardAsync(context, body);
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

    private async Task ForwardAsync(HttpListenerContext context, byte[] body)
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
