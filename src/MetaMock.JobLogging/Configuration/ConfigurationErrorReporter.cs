namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Writes configuration problems to stderr, each distinct line once: options are rebuilt on every reload, and a
/// repeated warning would only bury the first.
/// </summary>
internal sealed class ConfigurationErrorReporter
{
    private readonly TextWriter _output;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public ConfigurationErrorReporter(TextWriter output) => _output = output;

    public void Report(string line)
    {
        lock (_reported)
        {
            if (_reported.Add(line))
            {
                _output.WriteLine(line);
                _output.Flush();
            }
        }
    }
}
