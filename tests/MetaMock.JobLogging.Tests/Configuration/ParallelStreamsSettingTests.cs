using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Tests.Configuration;

/// <summary>MaxParallelStreams set in code is held to the range the environment and the section accept.</summary>
public sealed class ParallelStreamsSettingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void MaxParallelStreams_outside_1_to_64_is_a_failure_naming_the_setting(int value)
    {
        var failures = CloudWatchSettingsCheck.Failures(new MetaMockLoggingOptions { MaxParallelStreams = value });

        var failure = Assert.Single(failures);
        Assert.StartsWith($"MaxParallelStreams (CLOUDWATCH_MAX_PARALLEL_STREAMS) is {value}; accepted: a whole number from 1 to 64", failure, StringComparison.Ordinal);
    }
}
