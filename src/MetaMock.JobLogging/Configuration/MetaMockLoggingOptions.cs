using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging;

/// <summary>
/// Settings of MetaMock logging. Sources, weakest first: these defaults, the <c>MetaMockLogging</c> configuration
/// section, the spec's environment variables (<c>ENVIRONMENT</c>, <c>LOG_LEVEL</c>, ...), then code.
/// </summary>
public sealed class MetaMockLoggingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "MetaMockLogging";

    /// <summary><c>ENVIRONMENT</c>: development (default) or production.</summary>
    public MetaMockEnvironment Environment { get; set; } = MetaMockEnvironment.Development;

    /// <summary><c>USE_CLOUDWATCH</c>: send logs to CloudWatch when in production (default false).</summary>
    public bool UseCloudWatch { get; set; }

    /// <summary>
    /// <c>LOG_LEVEL</c>: the default minimum level. Null (the default) leaves Microsoft.Extensions.Logging's own
    /// rules alone, whose default is Information; category rules from <c>Logging:LogLevel</c> always still apply.
    /// </summary>
    public LogLevel? LogLevel { get; set; }

    /// <summary><c>CLOUDWATCH_LOG_GROUP</c>: the log group (default <c>metamock-app</c>).</summary>
    public string LogGroup { get; set; } = "metamock-app";

    /// <summary><c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>: the AWS region (default <c>ap-south-1</c>).</summary>
    public string Region { get; set; } = "ap-south-1";

    /// <summary><c>SERVICE_NAME</c>: the <c>{service}</c> part of the default stream; null means the entry assembly's name in lower case.</summary>
    public string? ServiceName { get; set; }

    /// <summary><c>LOG_FORMAT</c>: text (the spec's line, default) or json.</summary>
    public LogFormat Format { get; set; } = LogFormat.Text;

    /// <summary>True when the spec's dual routing applies: production with CloudWatch enabled.</summary>
    internal bool CloudWatchEnabled => Environment == MetaMockEnvironment.Production && UseCloudWatch;
}
