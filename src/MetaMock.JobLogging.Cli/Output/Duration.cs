using System.Globalization;

namespace MetaMock.JobLogging.Cli.Output;

/// <summary>Reads <c>--since</c>: a whole number and a unit, <c>30s</c>, <c>10m</c>, <c>2h</c> or <c>7d</c>.</summary>
internal static class Duration
{
    public static TimeSpan? TryParse(string text)
    {
        text = text.Trim();
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
