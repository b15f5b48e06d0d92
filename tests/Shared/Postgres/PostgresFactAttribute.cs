namespace MetaMock.JobLogging.Testing.Postgres;

/// <summary>A fact that needs a real PostgreSQL: skipped, with the reason, only when the server binaries are missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when <see cref="PostgresBinaries.MissingReason"/> says the server cannot run.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
