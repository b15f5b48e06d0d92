using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Intake;

public sealed partial class EventSplitterTests
{
    [Fact]
    public void Split_parts_fit_the_limit_and_rejoin_to_the_original_text() =>
        Gen.Select(Generators.Text(400), Gen.Int[24, 80]).Sample((text, maxBytes) =>
        {
            var parts = Split(text, maxBytes);

            Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= maxBytes, $"part of {Encoding.UTF8.GetByteCount(p)} bytes > {maxBytes}"));
            Assert.Equal(text, Rejoin(parts));
        }, iter: 500);

    [Fact]
    public void A_message_over_one_megabyte_is_split_into_numbered_parts_within_the_CloudWatch_event_limit()
    {
        var text = string.Concat(Enumerable.Repeat("日本語🚀abc", 120_000)); // ~1.9 MB of UTF-8, mixed widths.
        var parts = Split(text, BatchLimits.CloudWatch.MaxMessageBytes);

        Assert.Equal(2, parts.Count);
        Assert.StartsWith("[part 1/2] ", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("[part 2/2] ", parts[1], StringComparison.Ordinal);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 1_048_550));
        Assert.Equal(text, Rejoin(parts));
    }

    [Fact]
    public void A_message_that_fits_is_left_alone() =>
        Assert.Equal(["short"], Split("short", 100));

    [Fact]
    public void A_message_of_exactly_the_CloudWatch_limit_stays_whole_and_one_byte_more_splits_into_two_full_parts()
    {
        var limit = BatchLimits.CloudWatch.MaxMessageBytes;

        Assert.Equal([Range.All], EventSplitter.Split(new byte[limit], limit));
        var parts = Split(new string('x', limit + 1), limit);

        Assert.Equal(2, parts.Count);
        Assert.Equal(limit, Encoding.UTF8.GetByteCount(parts[0])); // "[part 1/2] " plus as much text as fits.
        Assert.Equal("[part 2/2] " + new string('x', 11 + 1), parts[1]);
    }

    [Fact]
    public void A_four_byte_character_across_the_cut_moves_whole_into_the_next_part()
    {
        const int maxBytes = 40;
        var room = maxBytes - "[part 2/2] ".Length;
        var tail = new string('t', 20);
        var text = new string('a', room - 2) + "🚀" + tail; // The emoji's 4 bytes straddle byte `room`.

        var parts = Split(text, maxBytes);

        Assert.Equal(["[part 1/2] " + new string('a', room - 2), "[part 2/2] 🚀" + tail], parts);
    }

    // The parts as the sender sends them: each part's marker, then its bytes of the message.
    private static List<string> Split(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var ranges = EventSplitter.Split(bytes, maxBytes);
        return ranges.Count == 1 && ranges[0].Equals(Range.All)
            ? [text]
            : [.. ranges.Select((r, i) => EventSplitter.Marker(i + 1, ranges.Count) + Encoding.UTF8.GetString(bytes[r]))];
    }

    private static string Rejoin(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Concat(parts.Select(p => PartMarker().Replace(p, string.Empty, 1)));

    [GeneratedRegex(@"^\[part \d+/\d+\] ")]
    private static partial Regex PartMarker();
}
