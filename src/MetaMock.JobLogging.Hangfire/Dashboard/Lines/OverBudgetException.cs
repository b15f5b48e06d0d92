namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>This process has spent its CloudWatch calls for the second; the route answers 429 with Retry-After.</summary>
internal sealed class OverBudgetException : Exception
{
    public OverBudgetException(TimeSpan retryAfter)
        : base("The dashboard's CloudWatch Logs call budget for this second is spent.") => RetryAfter = retryAfter;

    public OverBudgetException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public OverBudgetException(string message)
        : base(message)
    {
    }

    public OverBudgetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
