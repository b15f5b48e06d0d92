using System.Globalization;
using Hangfire.Dashboard;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// <c>GET {dashboard}/metamock/job-logs?job=ID[&amp;from=latest|&amp;token=T]</c>: the job's lines as JSON. It runs
/// behind the dashboard's authorization filters (Hangfire applies them to every route), then <c>CanViewLogs</c>.
/// Answers are never cached by the browser and never sniffed; failures name no credential or stream.
/// </summary>
internal sealed class LogLinesDispatcher : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        ResponseHeaders.Set(context, "X-Content-Type-Options", "nosniff");
        ResponseHeaders.Set(context, "Cache-Control", "no-store");
        context.Response.ContentType = "application/json; charset=utf-8";
        if (!string.Equals(context.Request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            ResponseHeaders.Set(context, "Allow", "GET");
            await AnswerAsync(context, 405, LinesJson.Error("Only GET is allowed.")).ConfigureAwait(false);
            return;
        }

        if (LogPanel.Current is not { } panel)
        {
            await AnswerAsync(context, 404, LinesJson.Error("The log panel is not configured.")).ConfigureAwait(false);
            return;
        }

        if (panel.Options.CanViewLogs is { } canView && !canView(context))
        {
            await AnswerAsync(context, 403, LinesJson.Error("You are not allowed to view these lines.")).ConfigureAwait(false);
            return;
        }

        var id = context.Request.GetQuery("job");
        var token = context.Request.GetQuery("token");
        if (string.IsNullOrEmpty(id) || id.Length > LogPanel.MaxJobIdLength || (!string.IsNullOrEmpty(token) && !panel.Source.IsToken(token)))
        {
            await AnswerAsync(context, 400, LinesJson.Error("The job id or the paging token is not valid.")).ConfigureAwait(false);
            return;
        }

        if (panel.Jobs.Find(context.Storage, id) is not { } job)
        {
            await AnswerAsync(context, 404, LinesJson.Error("No such job.")).ConfigureAwait(false);
            return;
        }

        var request = !string.IsNullOrEmpty(token) ? new LinesRequest(LinesFrom.Token, token)
            : context.Request.GetQuery("from") == "latest" ? new LinesRequest(LinesFrom.Latest, null)
            : new LinesRequest(LinesFrom.Head, null);
        await AnswerAsync(context, panel, job, request).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(DashboardContext context, LogPanel panel, JobView job, LinesRequest request)
    {
        try
        {
            var page = await panel.Source.ReadAsync(job.JobId, request, CancellationToken.None).ConfigureAwait(false);
            await AnswerAsync(context, 200, LinesJson.Page(panel.Source.Name, job, page, panel.Note)).ConfigureAwait(false);
        }
        catch (OverBudgetException busy)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds));
            ResponseHeaders.Set(context, "Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            await AnswerAsync(context, 429, LinesJson.Error("Too many log reads right now.", (int)busy.RetryAfter.TotalMilliseconds)).ConfigureAwait(false);
        }
        catch (Exception error) when (Describe(error) is { } message)
        {
            await AnswerAsync(context, 502, LinesJson.Error(message)).ConfigureAwait(false);
        }
    }

    private static string? Describe(Exception error) => error switch
    {
        CredentialsUnavailableException => "The dashboard found no AWS credentials to read CloudWatch Logs.",
        CloudWatchLogsException { IsAuthenticationFailure: true } => "CloudWatch Logs refused the dashboard's credentials (it needs logs:GetLogEvents).",
        CloudWatchLogsException failed => $"CloudWatch Logs answered {failed.ErrorType}.",
        HttpRequestException or Polly.Timeout.TimeoutRejectedException => "CloudWatch Logs could not be reached.",
        _ => null,
    };

    private static Task AnswerAsync(DashboardContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(json);
    }
}
