using Hangfire;
using Hangfire.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>Puts back what a test changed in Hangfire's static configuration.</summary>
internal sealed class HangfireStatics : IDisposable
{
    private readonly List<object> _filtersBefore = GlobalJobFilters.Filters.Select(f => f.Instance).ToList();

    /// <summary>Filters added to GlobalJobFilters since this object was made.</summary>
    public IReadOnlyList<object> AddedFilters => GlobalJobFilters.Filters.Select(f => f.Instance).Except(_filtersBefore).ToList();

    public void Dispose()
    {
        foreach (var filter in AddedFilters)
        {
            GlobalJobFilters.Filters.Remove(filter);
        }

        // Back to Hangfire's defaults (AddHangfire sets both).
        LogProvider.SetCurrentLogProvider(null);
        JobActivator.Current = new JobActivator();
    }
}
