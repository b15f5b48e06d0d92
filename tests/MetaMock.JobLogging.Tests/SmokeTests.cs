using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void A_captured_line_carries_the_context_of_the_log_call()
    {
        using var provider = new CapturingLoggerProvider();
        var logger = provider.CreateLogger("smoke");
        using (MetaMockLogContext.BeginJobContext("job-1", "step"))
        {
            logger.LogInformation("inside");
        }

        logger.LogInformation("outside");
        Assert.Equal("job-1", provider.Containing("inside").Single().JobId);
        Assert.Null(provider.Containing("outside").Single().JobId);
    }
}
