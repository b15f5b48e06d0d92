using System.Globalization;
using System.Text;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// The diagnostics as one line for the parent: <c>diagnostics EventsSent=N QueuedEvents=N ... dropped.REASON=N
/// meter.INSTRUMENT=N</c>. Every public counter is printed, found by reflection, so a counter the diagnostics gain
/// (replayed events, say) is in the line without a change here.
/// </summary>
internal static class DiagnosticsLine
{
    public const string Prefix = "diagnostics";

    public static string Format(MetaMockLoggingDiagnostics diagnostics, MeterTotals meter)
    {
        var line = new StringBuilder(Prefix);
        foreach (var property in typeof(MetaMockLoggingDiagnostics).GetProperties().Where(p => p.PropertyType == typeof(long)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            line.Append(CultureInfo.InvariantCulture, $" {property.Name}={property.GetValue(diagnostics)}");
        }

        foreach (var (reason, count) in diagnostics.DroppedByReason.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            line.Append(CultureInfo.InvariantCulture, $" dropped.{reason}={count}");
        }

        foreach (var (name, total) in meter.Totals)
        {
            line.Append(CultureInfo.InvariantCulture, $" meter.{name}={total}");
        }

        return line.ToString();
    }
}
