namespace MetaMock.JobLogging.Configuration;

/// <summary>The retention periods PutRetentionPolicy accepts; any other value is refused by CloudWatch.</summary>
internal static class RetentionDays
{
    public static readonly IReadOnlyList<int> Allowed =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static string AllowedText { get; } = string.Join(", ", Allowed);

    public static bool IsAllowed(int days) => Allowed.Contains(days);
}
