using System.Net;
using Hangfire.Dashboard;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// The panel's place on the job page: a few static elements and the route's address. It runs inside the page render,
/// so it does no I/O at all; the embedded script fetches the lines after the page has loaded.
/// </summary>
internal static class LogPanelRenderer
{
    public const int Order = 10_000;

    public static NonEscapedString Render(JobDetailsRendererDto dto)
    {
        var url = WebUtility.HtmlEncode(dto.Page.Url.To(LogPanel.Route));
        var job = WebUtility.HtmlEncode(dto.JobId);
        return new NonEscapedString(
            $"<div class=\"mm-logs\" data-mm-url=\"{url}\" data-mm-job=\"{job}\">" +
            "<h3 class=\"job-snippet-header mm-logs-title\">Log lines</h3>" +
            "<div class=\"mm-logs-bar\"></div>" +
            "<p class=\"mm-logs-note\">Loading log lines…</p>" +
            "<ol class=\"mm-logs-lines\"></ol>" +
            "<div class=\"mm-logs-more\"></div>" +
            "</div>");
    }
}
