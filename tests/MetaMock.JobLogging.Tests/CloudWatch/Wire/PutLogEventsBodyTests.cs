using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire;

public sealed class PutLogEventsBodyTests
{
    private static readonly string[] Awkward =
    [
        "plain ascii",
        "quotes \" and backslash \\ and slash /",
        "line\nbreak\r\ntab\tend",
        "controls \u0000 \u0001 \u001f \u007f",
        "line separators \u2028 and \u2029",
        "emoji 🚀👍🏽 and CJK 日本語 中文 한국어",
        "accents é ü ß and html <script>&'</script>",
        "byte order mark \ufeff and a non-character \uffff",
        "",
    ];

    // Every character outside the surrogate range, control characters included.
    private static readonly Gen<string> AnyBmpText = Gen.Char[(char)0, (char)0xD7FF].Array[0, 30].Select(c => new string(c));

    // What the client sent before it wrote bodies itself: System.Text.Json serializing the request record.
    private static readonly JsonSerializerOptions FormerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    [Fact]
    public void Escapes_emoji_CJK_control_characters_and_line_separators_come_back_exactly_when_the_body_is_parsed()
    {
        var events = Awkward.Select((m, i) => new TextEvent(1_700_000_000_000 + i, m)).ToList();

        var parsed = Parse(new TextBatch("group", "jobs/a", events));

        Assert.Equal(("group", "jobs/a"), (parsed.Group, parsed.Stream));
        Assert.Equal(events, parsed.Events);
    }

    [Fact]
    public void The_body_is_byte_for_byte_what_System_Text_Json_wrote_for_the_request_record() =>
        Gen.Select(Gen.OneOf(Generators.Text(60), AnyBmpText), Gen.Long[0, 4_000_000_000_000]).Array[1, 20].Sample(raw =>
        {
            var events = raw.Select(r => new TextEvent(r.Item2, r.Item1)).Concat(Awkward.Select(m => new TextEvent(1, m))).ToList();

            using var body = PutLogEventsBody.Write(new TextBatch("grp", "jobs/\"x\"", events));

            var former = JsonSerializer.SerializeToUtf8Bytes(new FormerRequest("grp", "jobs/\"x\"", events), FormerOptions);
            Assert.Equal(Encoding.UTF8.GetString(former), Encoding.UTF8.GetString(body.Memory.Span));
        }, iter: 200);

    [Fact]
    public void A_lone_surrogate_arrives_as_the_replacement_character()
    {
        var parsed = Parse(new TextBatch("group", "s", [new TextEvent(1, "broken \ud800 pair")]));

        Assert.Equal("broken \ufffd pair", parsed.Events.Single().Message);
    }

    [Fact]
    public void A_full_batch_fits_the_buffer_sized_for_it_and_its_hash_is_of_its_bytes()
    {
        var message = new string('m', 1_048_550 / 100);
        var events = Enumerable.Range(0, 100).Select(i => new TextEvent(i, message)).ToList();

        using var body = PutLogEventsBody.Write(new TextBatch("group", "s", events));

        Assert.Equal(100, Parse(new TextBatch("group", "s", events)).Events.Count);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body.Memory.Span)), body.Sha256);
    }

    private static (string Group, string Stream, List<TextEvent> Events) Parse(ILogEventBatch batch)
    {
        using var body = PutLogEventsBody.Write(batch);
        using var json = JsonDocument.Parse(body.Memory);
        var root = json.RootElement;
        return (
            root.GetProperty("logGroupName").GetString()!,
            root.GetProperty("logStreamName").GetString()!,
            [.. root.GetProperty("logEvents").EnumerateArray().Select(e => new TextEvent(e.GetProperty("timestamp").GetInt64(), e.GetProperty("message").GetString()!))]);
    }

    private sealed record FormerRequest(string LogGroupName, string LogStreamName, IReadOnlyList<TextEvent> LogEvents);
}
