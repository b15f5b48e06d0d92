using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// Dummy credentials for this test process, so AWSSDK.Core's default resolver (the production path) finds them in
/// the environment, and no lookup ever tries the instance metadata address.
/// </summary>
public static class TestAwsEnvironment
{
    public static void Apply()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretAccessKey);
    }
}
