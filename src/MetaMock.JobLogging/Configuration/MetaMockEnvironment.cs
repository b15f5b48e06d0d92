namespace MetaMock.JobLogging;

/// <summary>
/// Where lines may go. Taken from <c>ENVIRONMENT</c>, else the host's environment name (<c>DOTNET_ENVIRONMENT</c>);
/// Development is development, every other name (Production, Staging, ...) is production.
/// </summary>
public enum MetaMockEnvironment
{
    /// <summary>Console only, every level from <c>LOG_LEVEL</c>.</summary>
    Development,

    /// <summary>Console only, unless <c>USE_CLOUDWATCH=true</c> adds CloudWatch.</summary>
    Production,
}
