using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Tests.PublicApi;

public sealed class PublicApiTests
{
    [Fact]
    public void The_core_public_API_is_the_approved_one() =>
        PublicApiApproval.Verify(typeof(MetaMockLogContext).Assembly, "MetaMock.JobLogging.approved.txt");
}
