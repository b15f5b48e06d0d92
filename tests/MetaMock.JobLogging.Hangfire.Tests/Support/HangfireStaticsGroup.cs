namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>
/// Tests that must touch Hangfire's static configuration (GlobalJobFilters, the log provider, the activator) run
/// in this collection, alone, and put the statics back afterwards.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireStaticsGroup
{
    public const string Name = "Hangfire static configuration";
}
