using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace MetaMock.JobLogging.Hangfire.PostgreSql;

/// <summary>Uses <see cref="MetaMockPostgreSqlStorage"/> in place of <c>UsePostgreSqlStorage</c>.</summary>
public static class MetaMockPostgreSqlConfigurationExtensions
{
    /// <summary>
    /// Like <c>UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connectionString), options)</c>, with the job's
    /// parameters fetched together with the job.
    /// </summary>
    public static IGlobalConfiguration<MetaMockPostgreSqlStorage> UseMetaMockPostgreSqlStorage(
        this IGlobalConfiguration configuration,
        string connectionString,
        PostgreSqlStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(connectionString);
        options ??= new PostgreSqlStorageOptions();
        return configuration.UseMetaMockPostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// Like <c>UsePostgreSqlStorage(c => c.UseConnectionFactory(connectionFactory), options)</c>, with the job's
    /// parameters fetched together with the job.
    /// </summary>
    public static IGlobalConfiguration<MetaMockPostgreSqlStorage> UseMetaMockPostgreSqlStorage(
        this IGlobalConfiguration configuration,
        IConnectionFactory connectionFactory,
        PostgreSqlStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(connectionFactory);
        return configuration.UseStorage(new MetaMockPostgreSqlStorage(connectionFactory, options ?? new PostgreSqlStorageOptions()));
    }
}
