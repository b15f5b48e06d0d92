using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>Puts back what a test changed in Hangfire's static configuration.</summary>
internal sealed class HangfireStatics : IDisposable
{
    private readonly List<object> _filtersBefore = GlobalJobFilters.Filters.Select(f => f.Instance).ToList();
    private LoggerFactory? _hangfireLoggerFactory;

    /// <summary>Filters added to GlobalJobFilters since this object was made.</summary>
    public IReadOnlyList<object> AddedFilters => GlobalJobFilters.Filters.Select(f => f.Instance).Except(_filtersBefore).ToList();

    /// <summary>Routes Hangfire's own log provider to a capturing provider, the way Hangfire.NetCore bridges it to MEL.</summary>
    public CapturingLoggerProvider CaptureHangfireLog()
    {
        var capture = new CapturingLoggerProvider();
        _hangfireLoggerFactory = new LoggerFactory([capture]);
        LogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(_hangfireLoggerFactory));
        return capture;
    }

    public void Dispose()
    {
        foreach (var filter in AddedFilters)
        {
            GlobalJobFilters.Filters.Remove(filter);
        }

        // Back to Hangfire's defaults (AddHangfire sets both).
        LogProvider.SetCurrentLogProvider(null);
        JobActivator.Current = new JobActivator();
        _hangfireLoggerFactory?.Dispose();
    }
}
