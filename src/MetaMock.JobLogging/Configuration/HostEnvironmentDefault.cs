using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// The weakest source of <see cref="MetaMockLoggingOptions.Environment"/>: the host's own environment name
/// (<c>DOTNET_ENVIRONMENT</c>, <c>ASPNETCORE_ENVIRONMENT</c>, or set in code). A host that says Production must not
/// log as if in development; <c>ENVIRONMENT</c>, the configuration section and code still override it.
/// </summary>
internal sealed class HostEnvironmentDefault : IConfigureOptions<MetaMockLoggingOptions>
{
    private readonly IHostEnvironment? _host;

    public HostEnvironmentDefault(IHostEnvironment? host) => _host = host;

    public void Configure(MetaMockLoggingOptions options)
    {
        if (_host is { EnvironmentName: { Length: > 0 } name })
        {
            options.Environment = Settings.EnvironmentFromName(name);
        }
    }
}
