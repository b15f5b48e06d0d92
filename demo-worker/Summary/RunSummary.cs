using System.Globalization;
using System.Text;
using MetaMock.DemoWorker.Workflow;

namespace MetaMock.DemoWorker.Summary;

/// <summary>The closing summary, printed on stdout directly (not through the logger) so it shows in every mode.</summary>
internal static class RunSummary
{
    public static string Render(WorkflowTracker tracker, StreamLineCounter counter, TimeSpan duration)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Summary: {tracker.WorkflowIds.Count} workflows completed in {duration.TotalSeconds:0.0} s; {tracker.Steps} steps, {tracker.Retries} retries.");
        text.AppendLine("Lines per stream:");
        foreach (var (stream, lines) in counter.Lines.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(invariant, $"  {stream,-40} {lines,6}");
        }

        return text.ToString();
    }
}
