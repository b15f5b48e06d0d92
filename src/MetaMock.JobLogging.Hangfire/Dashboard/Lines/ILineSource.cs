namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>Where the panel's lines come from: CloudWatch Logs, or this process's own recent lines.</summary>
internal interface ILineSource
{
    /// <summary>"cloudwatch" or "process": the panel says which it shows.</summary>
    string Name { get; }

    /// <summary>True when <paramref name="token"/> has the shape this source's tokens have.</summary>
    bool IsToken(string token);

    Task<LinesPage> ReadAsync(string jobId, LinesRequest request, CancellationToken cancellationToken);
}
