namespace MetaMock.JobLogging.Testing;

/// <summary>
/// Points the real <c>AddMetaMockLogging()</c> at a <see cref="MotoServer"/> in production + CloudWatch mode, through its
/// public options and the production credentials chain only, so any test project can run the whole path.
/// </summary>
public static class MotoLogging
{
    /// <summary>The region written to and read from (<see cref="MotoLogsReader"/>'s default).</summary>
    public const string Region = "ap-south-1";

    /// <summary>Production, CloudWatch on, this moto, this group, a short flush interval so tests wait little.</summary>
    public static void Configure(MetaMockLoggingOptions options, MotoServer moto, string group)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(moto);
        options.Environment = MetaMockEnvironment.Production;
        options.UseCloudWatch = true;
        options.ServiceUrl = moto.Endpoint;
        options.Region = Region;
        options.LogGroup = group;
        options.ServiceName = "test";
        options.FlushInterval = TimeSpan.FromMilliseconds(100);
    }

    /// <summary>
    /// Gives this process moto's dummy credentials, where the SDK's default chain (the production path) finds them, and
    /// stops any lookup of the instance metadata address. Never undone: tests running in parallel may rely on them.
    /// </summary>
    public static void UseDummyCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretAccessKey);
    }
}
