using MetaMock.JobLogging.Quartz.Firing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MetaMock.JobLogging.Quartz.Tests.Firing;

public sealed class FiringRestorerTests
{
    [Fact]
    public void Two_entries_held_in_one_scope_are_restored_newest_first_back_to_the_original_context()
    {
        using var original = MetaMockLogContext.BeginContext(new UserContext("original"), null);
        var restorer = new FiringRestorer(new FiringContextHook(NullLoggerFactory.Instance));

        restorer.Hold(FiringContext.Enter(null, new JobContext("first"), NullLogger.Instance));
        restorer.Hold(FiringContext.Enter(null, new JobContext("second"), NullLogger.Instance));
        Assert.Equal("second", MetaMockLogContext.GetJobContext()?.JobId);
        restorer.Dispose();

        Assert.Null(MetaMockLogContext.GetJobContext());
        Assert.Equal("original", MetaMockLogContext.GetUserContext()?.UserId);
    }
}
