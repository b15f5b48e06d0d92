namespace MetaMock.JobLogging.Dashboard.Tests.Support;

/// <summary>The one <see cref="DashboardServer"/> the dashboard tests share.</summary>
public sealed class DashboardHost : DashboardServer, IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => StopAsync();
}

[CollectionDefinition(Name)]
public sealed class UsesDashboard : ICollectionFixture<DashboardHost>
{
    public const string Name = "dashboard";
}
