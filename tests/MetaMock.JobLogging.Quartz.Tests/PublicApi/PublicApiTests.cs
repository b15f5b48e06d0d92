using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Quartz.Tests.PublicApi;

public sealed class PublicApiTests
{
    [Fact]
    public void The_Quartz_integrations_public_API_is_the_approved_one() =>
        PublicApiApproval.Verify(typeof(MetaMockJobListener).Assembly, "MetaMock.JobLogging.Quartz.approved.txt");
}
