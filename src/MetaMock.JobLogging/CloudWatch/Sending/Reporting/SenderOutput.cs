namespace MetaMock.JobLogging.CloudWatch.Sending.Reporting;

/// <summary>
/// The sender's own voice: warnings to stderr and, after CloudWatch is given up, the events themselves to stdout.
/// Never through an ILogger, so the sender can't feed itself.
/// </summary>
internal sealed class SenderOutput
{
    private readonly TextWriter _warnings;
    private readonly TextWriter _events;

    public SenderOutput(TextWriter warnings, TextWriter events)
    {
        _warnings = warnings;
        _events = events;
    }

    public static SenderOutput Console { get; } = new(System.Console.Error, System.Console.Out);

    public void Warning(string line)
    {
        lock (_warnings)
        {
            _warnings.WriteLine(line);
            _warnings.Flush();
        }
    }

    public void Events(IEnumerable<string> lines)
    {
        lock (_events)
        {
            foreach (var line in lines)
            {
                _events.WriteLine(line);
            }

            _events.Flush();
        }
    }
}
