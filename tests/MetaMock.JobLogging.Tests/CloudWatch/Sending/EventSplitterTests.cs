using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using MetaMock.JobLogging.CloudWatch.Sending;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed partial class EventSplitterTests
{
    [Fact]
    public void Split_parts_fit_the_limit_and_rejoin_to_the_original_text() =>
        Gen.Select(Generators.Text(400), Gen.Int[24, 80]).Sample((text, maxBytes) =>
        {
            var parts = EventSplitter.Split(text, Encoding.UTF8.GetByteCount(text), maxBytes);

            Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= maxBytes, $"part of {Encoding.UTF8.GetByteCount(p)} bytes > {maxBytes}"));
            Assert.Equal(text, Rejoin(parts));
        }, iter: 500);

    [Fact]
    public void A_message_over_one_megabyte_is_split_into_numbered_parts_within_the_CloudWatch_event_limit()
    {
        var text = string.Concat(Enumerable.Repeat("日本語🚀abc", 120_000)); // ~1.9 MB of UTF-8, mixed widths.
        var parts = EventSplitter.Split(text, Encoding.UTF8.GetByteCount(text), BatchLimits.CloudWatch.MaxMessageBytes);

        Assert.Equal(2, parts.Count);
        Assert.StartsWith("[part 1/2] ", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("[part 2/2] ", parts[1], StringComparison.Ordinal);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 1_048_550));
        Assert.Equal(text, Rejoin(parts));
    }

    [Fact]
    public void A_message_that_fits_is_left_alone() =>
        Assert.Equal(["short"], EventSplitter.Split("short", 5, 100));

    private static string Rejoin(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Concat(parts.Select(p => PartMarker().Replace(p, string.Empty, 1)));

    [GeneratedRegex(@"^\[part \d+/\d+\] ")]
    private static partial Regex PartMarker();
}
