using System.Globalization;
using System.Text;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Splits a message too large for one event into ordered parts <c>[part i/n] ...</c>, each within the event limit,
/// cut at UTF-8 character boundaries (never inside a character or a surrogate pair): stripping the markers and
/// joining the parts gives back the original text exactly.
/// </summary>
internal static class EventSplitter
{
    public static string Marker(int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"[part {index}/{count}] ");

    /// <summary>The parts of <paramref name="message"/>; the message itself when it fits.</summary>
    public static IReadOnlyList<string> Split(string message, int utf8Bytes, int maxBytes)
    {
        if (utf8Bytes <= maxBytes)
        {
            return [message];
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        // The marker's length depends on the part count; grow the guess until the parts fit with it.
        var count = 2;
        while (true)
        {
            var parts = TrySplit(bytes, count, maxBytes);
            if (parts is not null)
            {
                return parts;
            }

            count = (int)Math.Min(int.MaxValue, count * 2L);
        }
    }

    private static List<string>? TrySplit(byte[] bytes, int count, int maxBytes)
    {
        var markerRoom = maxBytes - Marker(count, count).Length;
        var parts = new List<string>(count);
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (parts.Count == count)
            {
                return null;
            }

            var end = Math.Min(bytes.Length, offset + markerRoom);
            while (end < bytes.Length && end > offset && IsContinuation(bytes[end]))
            {
                end--; // Back up to the first byte of a character, so no character is cut.
            }

            parts.Add(Encoding.UTF8.GetString(bytes, offset, end - offset));
            offset = end;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            parts[i] = Marker(i + 1, parts.Count) + parts[i];
        }

        return parts;
    }

    private static bool IsContinuation(byte value) => (value & 0xC0) == 0x80;
}
