using System.Globalization;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Context;

/// <summary>Reads one context field out of JobDataMaps, so every place that resolves a field treats values the same way.</summary>
internal static class JobDataValue
{
    /// <summary>
    /// The first usable value among the maps, in order (the trigger's map first, as Quartz merges it). Non-string values
    /// (a numeric user id) are printed in invariant culture; blank values count as absent so the fallback applies.
    /// </summary>
    public static string? Find(string key, JobDataMap first, JobDataMap? second = null) =>
        Read(first, key) ?? (second is null ? null : Read(second, key));

    private static string? Read(JobDataMap map, string key)
    {
        if (map.IsEmpty || !map.TryGetValue(key, out var value))
        {
            return null;
        }

        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
