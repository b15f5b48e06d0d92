using Hangfire.Client;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// A filter of the same three kinds as MetaMock's that does nothing (<c>--breakdown</c>): what Hangfire itself charges
/// for one more client, server and state filter, the floor under the integration's cost.
/// </summary>
internal sealed class NoOpFilter : IClientFilter, IServerFilter, IApplyStateFilter
{
    public void OnCreating(CreatingContext context)
    {
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
