using System.Globalization;
using MetaMock.JobLogging;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

// Usage: SpoolWriter <spool directory> <segment capacity>
// Claims a slot, then appends "record {Number}" events numbered from 0 with no pause, and prints the count of
// appends that have returned every 500 (so a line "N" means records 0..N-1 are in the page cache). Runs until killed.
var root = args[0];
var limits = SpoolLimits.Default with { SegmentCapacity = int.Parse(args[1], CultureInfo.InvariantCulture) };
using var slot = SpoolDirectory.TryClaim(root, limits, new SpoolCounters(), Console.Error.WriteLine) ?? throw new InvalidOperationException("no slot");
Console.Out.WriteLine($"slot {slot.Path}");
Console.Out.Flush();
var tables = new InternTables();
var log = new SegmentLog(slot, tables);
var category = tables.Category("Spool.Writer");
var context = LogContextSnapshot.Create(new UserContext("123"), new JobContext("bulk-abc123", "generate_images", "run-456"));
for (long number = 0; ; number++)
{
    var state = new List<KeyValuePair<string, object?>> { new("Number", number), new("{OriginalFormat}", "record {Number}") };
    var e = new LogEvent(DateTimeOffset.UtcNow.UtcTicks, LogLevel.Information, category, context, state, null, null, null);
    if (log.Append(e) != AppendResult.Accepted)
    {
        throw new InvalidOperationException($"append {number} was refused");
    }

    if ((number + 1) % 500 == 0)
    {
        Console.Out.WriteLine((number + 1).ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }
}
