using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>
/// The logging every variant runs with, integration or not: the real <c>AddMetaMockLogging()</c> in production +
/// CloudWatch mode (Information and up to CloudWatch, Warning and up to the console), sending to a discarding endpoint.
/// </summary>
internal static class BenchLogging
{
    public static DiscardingClient Add(IServiceCollection services)
    {
        var sink = new DiscardingClient();

        // Registered first, so AddMetaMockLogging's TryAdd keeps them: the endpoint, and no machine variable in play.
        services.AddSingleton<ICloudWatchClientSource>(sink);
        services.AddSingleton(new EnvironmentVariables(_ => null));
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddMetaMockLogging(o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.LogGroup = "jobbench";
                o.ServiceName = "jobbench";
            }));
        return sink;
    }
}
