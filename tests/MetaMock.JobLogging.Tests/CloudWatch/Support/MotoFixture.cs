using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>One moto_server for every CloudWatch test class; each test uses its own log group, so they don't collide.</summary>
public sealed class MotoFixture : IDisposable
{
    public MotoFixture()
    {
        TestAwsEnvironment.Apply();
        Server = MotoServer.Start();
    }

    public MotoServer Server { get; }

    public Uri Endpoint => Server.Endpoint;

    public void Dispose() => Server.Dispose();
}
