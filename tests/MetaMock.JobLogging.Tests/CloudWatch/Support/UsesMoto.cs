namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>The xunit collection of tests that share the one <see cref="MotoFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class UsesMoto : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
