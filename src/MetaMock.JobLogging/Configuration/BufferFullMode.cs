namespace MetaMock.JobLogging;

/// <summary>What a log call does when the CloudWatch buffer is full.</summary>
public enum BufferFullMode
{
    /// <summary>Drop the new event and count it (reason <c>buffer_full</c>); the log call never waits.</summary>
    DropNewest,

    /// <summary>Block the log call until the sender has made room (or the provider is disposed).</summary>
    Wait,
}
