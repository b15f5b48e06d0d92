namespace MetaMock.JobLogging;

/// <summary>The user a piece of work runs for: the <c>user_id</c> of every line.</summary>
public sealed record UserContext
{
    /// <summary>Creates a user context; the id must not be null, empty or whitespace.</summary>
    public UserContext(string userId) => UserId = ContextGuard.RequireId(userId, nameof(userId), "user id");

    /// <summary>The user id, printed as <c>user_id=...</c>.</summary>
    public string UserId { get; }
}
