using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Hangfire.Tests.PublicApi;

public sealed class PublicApiTests
{
    [Fact]
    public void The_Hangfire_package_public_API_is_the_approved_one() =>
        PublicApiApproval.Verify(typeof(MetaMockJobContextAttribute).Assembly, "MetaMock.JobLogging.Hangfire.approved.txt");

    [Fact]
    public void The_Hangfire_PostgreSql_package_public_API_is_the_approved_one() =>
        PublicApiApproval.Verify(
            typeof(MetaMock.JobLogging.Hangfire.PostgreSql.MetaMockPostgreSqlStorage).Assembly,
            "MetaMock.JobLogging.Hangfire.PostgreSql.approved.txt");
}
