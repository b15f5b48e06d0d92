using Amazon.Runtime;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Builds the production wire client against a test endpoint, and reads a stream back completely.</summary>
public static class WireClients
{
    internal static CloudWatchLogsHttpClient For(Uri endpoint) =>
        CloudWatchClientFactory.Create(new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey), "ap-south-1", endpoint, TimeProvider.System);

    internal static async Task<List<OutputLogEvent>> ReadAllAsync(ICloudWatchLogsClient client, string group, string stream)
    {
        var all = new List<OutputLogEvent>();
        string? token = null;
        while (true)
        {
            var page = await client.GetLogEventsAsync(new GetLogEventsRequest(group, stream, true, token), CancellationToken.None);
            all.AddRange(page.Events ?? []);
            if (page.NextForwardToken is null || page.NextForwardToken == token || (page.Events?.Count ?? 0) == 0)
            {
                return all;
            }

            token = page.NextForwardToken;
        }
    }

    public static string UniqueGroup(string purpose) => $"test-{purpose}-{Guid.NewGuid():N}";
}
