using MetaMock.JobLogging.CloudWatch.Sending;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Routing;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Routing;

[Collection(UsesMoto.Name)]
public sealed class HostTests(MotoFixture moto)
{
    [Fact]
    public async Task In_a_host_the_environment_variables_alone_turn_CloudWatch_on_and_stopping_the_host_delivers_what_is_buffered()
    {
        var group = WireClients.UniqueGroup("host");
        var variables = new Dictionary<string, string>
        {
            ["ENVIRONMENT"] = "production",
            ["USE_CLOUDWATCH"] = "true",
            ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = moto.Endpoint.ToString(),
            ["CLOUDWATCH_LOG_GROUP"] = group,
            ["CLOUDWATCH_FLUSH_INTERVAL"] = "3600", // nothing is sent on a tick: only the stop can deliver
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new EnvironmentVariables(variables.GetValueOrDefault));
        builder.Services.AddSingleton(new ConsoleRoute(new CapturingLoggerProvider()));
        builder.Services.AddSingleton(new SenderOutput(new LockedWriter(), new LockedWriter()));
        builder.Logging.AddMetaMockLogging();

        using (var host = builder.Build())
        {
            await host.StartAsync();
            using (MetaMockLogContext.BeginJobContext("hosted", "step"))
            {
                host.Services.GetRequiredService<ILogger<HostTests>>().LogInformation("from the host");
            }

            await host.StopAsync();
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=hosted task=step] from the host"], await reader.MessagesAsync(group, "jobs/hosted"));
    }
}
