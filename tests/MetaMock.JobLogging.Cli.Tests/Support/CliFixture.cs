using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Cli.Tests.Support;

/// <summary>One moto for the command's tests; each test writes to its own log group.</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        MotoLogging.UseDummyCredentials();
        Moto = MotoServer.Start();
    }

    public MotoServer Moto { get; }

    public void Dispose() => Moto.Dispose();
}

[CollectionDefinition(Name)]
public sealed class UsesCliMoto : ICollectionFixture<CliFixture>
{
    public const string Name = "cli-moto";
}
