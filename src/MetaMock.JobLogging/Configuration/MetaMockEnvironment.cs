namespace MetaMock.JobLogging;

/// <summary>The spec's <c>ENVIRONMENT</c>: development logs to the console; production may add CloudWatch.</summary>
public enum MetaMockEnvironment
{
    /// <summary>Console only, every level from <c>LOG_LEVEL</c>.</summary>
    Development,

    /// <summary>Console only, unless <c>USE_CLOUDWATCH=true</c> adds CloudWatch.</summary>
    Production,
}
