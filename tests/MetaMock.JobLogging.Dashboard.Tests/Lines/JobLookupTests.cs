using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Hangfire.Dashboard;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Dashboard.Tests.Lines;

/// <summary>The panel finds the stream the filter wrote to, from the stored job alone (no server runs here).</summary>
public sealed class JobLookupTests
{
    private readonly InMemoryStorage _storage = new();
    private readonly JobFilterCollection _filters = new();
    private readonly BackgroundJobClient _client;

    public JobLookupTests()
    {
        _filters.Add(new MetaMockJobContextFilter(null, JobSettings.None));
        _client = new BackgroundJobClient(_storage, new JobFilterProviderCollection(_filters, new JobFilterAttributeFilterProvider()));
    }

    [Fact]
    public void A_job_id_argument_names_the_stream()
    {
        var id = _client.Enqueue<LookupJobs>(j => j.ForWorkflow("wf-77"));

        var view = Lookup().Find(_storage, id);

        Assert.Equal("wf-77", view?.JobId);
        Assert.Equal(id, view?.CurrentRun);
        Assert.True(view?.Live);
    }

    [Fact]
    public void The_id_captured_at_enqueue_names_the_stream_of_a_child()
    {
        string id;
        using (MetaMockLogContext.BeginJobContext("parent-9"))
        {
            id = _client.Enqueue<LookupJobs>(j => j.Plain());
        }

        Assert.Equal("parent-9", Lookup().Find(_storage, id)?.JobId);
    }

    [Fact]
    public void Without_either_the_Hangfire_id_names_the_stream()
    {
        var id = _client.Enqueue<LookupJobs>(j => j.Plain());

        Assert.Equal(id, Lookup().Find(_storage, id)?.JobId);
        Assert.Null(Lookup().Find(_storage, "404404"));
    }

    [Fact]
    public void Defaults_registered_after_the_panel_was_set_up_are_the_ones_it_reads()
    {
        var defaults = JobSettings.None;
        var lookup = new JobLookup(() => defaults, TimeSpan.FromMinutes(2), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var id = _client.Enqueue<LookupJobs>(j => j.ByDefaults("wf-88"));
        Assert.Equal(id, lookup.Find(_storage, id)?.JobId);

        // UseMetaMockJobContext with a global JobIdArgument, called after the panel's setup.
        defaults = new JobSettings(null, "workflowId", null);

        Assert.Equal("wf-88", lookup.Find(_storage, id)?.JobId);
    }

    private static JobLookup Lookup() => new(() => JobSettings.None, TimeSpan.FromMinutes(2), new FakeTimeProvider(DateTimeOffset.UtcNow));
}

public sealed class LookupJobs
{
    [MetaMockJobContext(JobIdArgument = "workflowId")]
    public void ForWorkflow(string workflowId) => _ = workflowId;

    public void Plain()
    {
    }

    public void ByDefaults(string workflowId) => _ = workflowId;
}
