using System.Globalization;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// The task run id of one attempt. Hangfire keeps the background job id across retries, so a retry appends its
/// number: <c>42</c>, then <c>42-r1</c>, <c>42-r2</c>.
/// </summary>
internal static class RunId
{
    public static string For(string backgroundJobId, int retryCount) =>
        retryCount <= 0 ? backgroundJobId : string.Create(CultureInfo.InvariantCulture, $"{backgroundJobId}-r{retryCount}");
}
