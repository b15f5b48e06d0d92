using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Tests.Formatting;

public sealed class ContextPrefixTests
{
    [Fact]
    public void A_prefix_of_bare_values_costs_its_own_string_and_nothing_else()
    {
        var snapshot = new LogContextSnapshot(new UserContext("42"), new JobContext("wf-7", "j7", "638712345678901234"));
        ContextPrefix.Build(snapshot);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var prefix = ContextPrefix.Build(snapshot);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("[user_id=42 job_id=wf-7 task=j7 run_id=638712345678901234] ", prefix);
        // A string's header and terminator are under 32 bytes; a growing StringBuilder cost about 480 B here.
        Assert.InRange(allocated, 1, (2 * prefix.Length) + 32);
    }

    [Fact]
    public void A_job_without_a_user_starts_with_its_job_id() =>
        Assert.Equal("[job_id=j] ", ContextPrefix.Build(new LogContextSnapshot(null, new JobContext("j"))));
}
