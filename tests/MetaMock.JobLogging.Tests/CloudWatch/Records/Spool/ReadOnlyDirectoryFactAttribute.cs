namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>A fact that needs a read-only directory: skipped, with the reason, only where none can be made.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReadOnlyDirectoryFactAttribute : FactAttribute
{
    public ReadOnlyDirectoryFactAttribute()
    {
        if (ReadOnlyDirectory.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
