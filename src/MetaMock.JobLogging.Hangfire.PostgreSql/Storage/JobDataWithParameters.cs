using System.Data;
using System.Globalization;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Npgsql;

namespace MetaMock.JobLogging.Hangfire.PostgreSql.Storage;

/// <summary>
/// One SQL statement that returns a job's row, as Hangfire.PostgreSql 1.21's <c>GetJobData</c> reads it, and the job's
/// parameters (two aligned arrays from one aggregate over <c>jobparameter</c>).
/// </summary>
/// <remarks>
/// When the schema lacks what the statement names (a later Hangfire.PostgreSql moved a table or column), it answers
/// "not read" from then on, with one warning: the caller falls back to Hangfire.PostgreSql's own query, so jobs keep
/// running and only the saved round trips are lost.
/// </remarks>
internal sealed class JobDataWithParameters(IConnectionFactory connectionFactory, string schemaName)
{
    // undefined_table, undefined_column, undefined_function, datatype_mismatch.
    private static readonly string[] SchemaErrors = ["42P01", "42703", "42883", "42804"];

    private readonly string _sql = $"""
        SELECT j."invocationdata", j."statename", j."arguments", j."createdat", p."names", p."values"
        FROM "{schemaName}"."job" j
        CROSS JOIN LATERAL (
          SELECT array_agg(jp."name" ORDER BY jp."id") "names", array_agg(jp."value" ORDER BY jp."id") "values"
          FROM "{schemaName}"."jobparameter" jp WHERE jp."jobid" = j."id") p
        WHERE j."id" = @id
        """;

    private volatile bool _unsupported;

    /// <summary>False when the schema does not fit the statement: ask Hangfire.PostgreSql instead.</summary>
    public bool TryRead(string id, out JobData? data)
    {
        data = null;
        if (_unsupported)
        {
            return false;
        }

        var connection = connectionFactory.GetOrCreateConnection();
        try
        {
            if (connection.State == ConnectionState.Closed)
            {
                connection.Open();
            }

            data = Read(connection, long.Parse(id, CultureInfo.InvariantCulture));
            return true;
        }
        catch (PostgresException e) when (SchemaErrors.Contains(e.SqlState))
        {
            _unsupported = true;
            LogProvider.GetLogger(typeof(MetaMockPostgreSqlStorage)).WarnException(
                $"The Hangfire schema \"{schemaName}\" does not have the tables and columns of Hangfire.PostgreSql 1.21 " +
                "that MetaMockPostgreSqlStorage reads; jobs are fetched by Hangfire.PostgreSql's own query from now on, " +
                "and each job parameter read is one more query.",
                e);
            return false;
        }
        finally
        {
            // An existing connection handed to the factory belongs to the application, as in Hangfire.PostgreSql.
            if (connectionFactory is not ExistingNpgsqlConnectionFactory)
            {
                connection.Dispose();
            }
        }
    }

    private JobData? Read(NpgsqlConnection connection, long id)
    {
        using var command = new NpgsqlCommand(_sql, connection);
        command.Parameters.AddWithValue("id", id);
        using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return null;
        }

        var data = StoredJob.ToJobData(
            reader.GetString(0),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetDateTime(3));
        data.ParametersSnapshot = reader.IsDBNull(4)
            ? new Dictionary<string, string?>(StringComparer.Ordinal)
            : StoredJob.Parameters(reader.GetFieldValue<string[]>(4), reader.GetFieldValue<string?[]>(5));
        return data;
    }
}
