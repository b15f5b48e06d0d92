using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Cli;

/// <summary>Where the command writes, and whether its lines may carry colour (a terminal, and <c>NO_COLOR</c> unset).</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Colour)
{
    public static CliConsole Standard(EnvironmentVariables environment) => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected
            && string.IsNullOrEmpty(environment.Get("NO_COLOR"))
            && !string.Equals(environment.Get("TERM"), "dumb", StringComparison.Ordinal));
}
