using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// A real <c>moto_server</c> (the AWS emulator) on a free 127.0.0.1 port, started as a child process and killed on
/// <see cref="Dispose"/>, also when the start fails half-way. Its child gets dummy credentials and
/// <c>AWS_EC2_METADATA_DISABLED=true</c>, so nothing reaches for real AWS.
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>Dummy credentials moto accepts (it does not verify signatures).</summary>
    public const string AccessKeyId = "testing";

    /// <summary>The dummy secret key paired with <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "testing";

    private readonly Process _process;

    private MotoServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port moto listens on.</summary>
    public int Port { get; }

    /// <summary>The endpoint URL for any AWS client.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts moto and waits until it answers HTTP, or throws after <paramref name="timeout"/> (30 s by default).</summary>
    public static MotoServer Start(TimeSpan? timeout = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "ap-south-1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, port);
        try
        {
            server.WaitUntilAnswering(timeout ?? TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A free TCP port on 127.0.0.1 (free when asked; another process could take it before it is used).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills moto and its children.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void WaitUntilAnswering(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering.");
            }

            try
            {
                using var response = http.GetAsync(new Uri(Endpoint, "moto-api/")).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            // Waits on the process, not a bare sleep: an early exit is noticed at once.
            _process.WaitForExit(100);
        }

        throw new TimeoutException($"moto_server did not answer on port {Port} within {timeout}.");
    }
}
