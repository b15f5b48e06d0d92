using MetaMock.JobLogging.ConsoleOutput;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Routing;

/// <summary>
/// Where console-bound records go: by default Microsoft's console provider with the MetaMock formatter (its own
/// queue and writer thread); tests put a capturing provider here instead.
/// </summary>
internal sealed class ConsoleRoute
{
    public ConsoleRoute(ILoggerProvider provider) => Provider = provider;

    public ILoggerProvider Provider { get; }

    public static ConsoleRoute CreateDefault(MetaMockConsoleFormatter formatter)
    {
        var options = new ConsoleLoggerOptions { FormatterName = MetaMockConsoleFormatter.FormatterName };
        return new ConsoleRoute(new ConsoleLoggerProvider(new FixedOptionsMonitor<ConsoleLoggerOptions>(options), [formatter]));
    }
}
