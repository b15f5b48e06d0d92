using System.Globalization;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// Splits a message too large for one event into ordered parts <c>[part i/n] ...</c>, each within the event limit,
/// cut at UTF-8 character boundaries (never inside a character, so never inside a surrogate pair): stripping the
/// markers and joining the parts gives back the original text exactly.
/// </summary>
internal static class EventSplitter
{
    public static string Marker(int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"[part {index}/{count}] ");

    /// <summary>
    /// The parts of the UTF-8 <paramref name="message"/> as ranges of it; part <c>i</c> is sent as
    /// <c>Marker(i + 1, parts.Count)</c> followed by its range, which together stay within <paramref name="maxBytes"/>.
    /// One range, the whole message, when it fits without a marker.
    /// </summary>
    public static List<Range> Split(ReadOnlySpan<byte> message, int maxBytes)
    {
        if (message.Length <= maxBytes)
        {
            return [Range.All];
        }

        // The marker's length depends on the part count; grow the guess until the parts fit with it.
        var count = 2;
        while (true)
        {
            var parts = TrySplit(message, count, maxBytes);
            if (parts is not null)
            {
                return parts;
            }

            count = (int)Math.Min(int.MaxValue, count * 2L);
        }
    }

    private static List<Range>? TrySplit(ReadOnlySpan<byte> message, int count, int maxBytes)
    {
        // Markers are ASCII: as many bytes as characters. A part numbered up to `count` never has a longer marker.
        var markerRoom = maxBytes - Marker(count, count).Length;
        var parts = new List<Range>(count);
        var offset = 0;
        while (offset < message.Length)
        {
            if (parts.Count == count)
            {
                return null;
            }

            var end = Math.Min(message.Length, offset + markerRoom);
            while (end < message.Length && end > offset && IsContinuation(message[end]))
            {
                end--; // Back up to the first byte of a character, so no character is cut.
            }

            parts.Add(offset..end);
            offset = end;
        }

        return parts;
    }

    private static bool IsContinuation(byte value) => (value & 0xC0) == 0x80;
}
