namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// Failed writes of one kind (a full disk, an I/O error): each is counted as a write failure, and only the first of a
/// spell reaches the console, not one line per log call or retry; a success ends the spell.
/// </summary>
internal sealed class WriteFailureSpell(SpoolCounters counters, Action<string> report)
{
    private bool _failing;

    /// <summary>A write failed; <paramref name="line"/> is reported if it starts a spell.</summary>
    public void Failed(string line)
    {
        counters.AddWriteFailure();
        if (!_failing)
        {
            _failing = true;
            report(line);
        }
    }

    /// <summary>A write succeeded: a failure after it is a new spell, reported again.</summary>
    public void Ended() => _failing = false;
}
