using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// Stream names: <c>jobs/{job_id}</c> for job events, <c>{service}/{hostname}/{yyyy-MM-dd}</c> (the event's UTC date)
/// for the rest. Every name is valid in CloudWatch whatever the id holds: <c>:</c>, <c>*</c> and <c>/</c> are
/// replaced, control characters removed, ends trimmed; when that changed the id, or the name would pass 512
/// characters, a stable hash of the original id is appended, so distinct ids keep distinct streams and no id can
/// leave its <c>jobs/</c> prefix. A lone surrogate becomes U+FFFD (the name must be valid UTF-8 on the wire); such an
/// id's hash is taken over its UTF-16 code units, which, unlike its UTF-8 encoding, keep distinct ids distinct.
/// </summary>
internal static class StreamNames
{
    public const int MaxLength = 512;
    public const string JobPrefix = "jobs/";
    private const int HashChars = 16;

    public static string ForJob(string jobId) => JobPrefix + Part(jobId, MaxLength - JobPrefix.Length);

    public static string ForDefault(string service, string hostname, DateTimeOffset timestamp)
    {
        var date = timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Service and host share what the date and two slashes leave; each gets half, which real names never reach.
        var room = (MaxLength - date.Length - 2) / 2;
        return $"{Part(service, room)}/{Part(hostname, room)}/{date}";
    }

    /// <summary>One name part made safe, at most <paramref name="maxLength"/> characters.</summary>
    public static string Part(string value, int maxLength)
    {
        var clean = Clean(value);
        var changed = !string.Equals(clean, value, StringComparison.Ordinal);
        if (!changed && clean.Length <= maxLength && clean.Length > 0)
        {
            return clean;
        }

        var hash = Hash(value);
        var keep = Math.Min(clean.Length, maxLength - HashChars - 1);
        if (keep > 0 && char.IsHighSurrogate(clean[keep - 1]))
        {
            keep--; // Never cut a surrogate pair in half: the name must stay valid UTF-16 (and UTF-8).
        }

        return keep <= 0 ? hash : string.Concat(clean.AsSpan(0, keep), "~", hash);
    }

    private static string Clean(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                continue;
            }

            text.Append(c is ':' or '*' or '/' or '\\' ? '_' : c);
        }

        return ValidUtf16.Repair(text.ToString().Trim());
    }

    private static string Hash(string value)
    {
        var bytes = ValidUtf16.FirstLoneSurrogate(value) < 0 ? Encoding.UTF8.GetBytes(value) : MemoryMarshal.AsBytes(value.AsSpan()).ToArray();
        return LowerHex.Of(SHA256.HashData(bytes).AsSpan(0, HashChars / 2));
    }
}
