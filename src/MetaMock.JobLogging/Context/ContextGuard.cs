namespace MetaMock.JobLogging;

/// <summary>The one check every id goes through, so the message is the same wherever an id enters.</summary>
internal static class ContextGuard
{
    public static string RequireId(string? value, string parameterName, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"A {what} must be a non-empty, non-whitespace string (got {(value is null ? "null" : $"\"{value}\"")}).",
                parameterName);
        }

        return value;
    }
}
