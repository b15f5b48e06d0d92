namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>No AWS credentials were found. The message names where they were looked for, never a value.</summary>
internal sealed class CredentialsUnavailableException : Exception
{
    public CredentialsUnavailableException()
        : base("no AWS credentials were found (environment variables, shared profile, web identity, container or instance role)")
    {
    }

    public CredentialsUnavailableException(string message)
        : base(message)
    {
    }

    public CredentialsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
