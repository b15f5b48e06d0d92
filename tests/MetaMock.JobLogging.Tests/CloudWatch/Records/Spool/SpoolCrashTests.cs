using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

public sealed class SpoolCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_slot_left_by_a_process_killed_with_SIGKILL_is_adopted_and_every_record_whose_append_returned_is_replayed_in_order()
    {
        using var spool = new TempSpool();
        using var writer = StartWriter(spool.Root);
        long acknowledged = 0;
        try
        {
            var slotLine = writer.StandardOutput.ReadLine();
            Assert.StartsWith("slot ", slotLine);
            var writerSlot = slotLine!["slot ".Length..];

            // While the writer lives, its slot is locked: a second claimant gets a slot of its own.
            using (var other = spool.Claim())
            {
                Assert.NotEqual(writerSlot, other.Path);
            }

            var clock = Stopwatch.StartNew();
            while (acknowledged < 20_000)
            {
                Assert.True(clock.Elapsed < Patience, $"the writer acknowledged only {acknowledged}");
                var line = writer.StandardOutput.ReadLine();
                if (line is null)
                {
                    // Read only once the writer has ended: reading its stderr to the end waits for that.
                    throw new InvalidOperationException($"the writer ended: {writer.StandardError.ReadToEnd()}");
                }

                acknowledged = long.Parse(line, CultureInfo.InvariantCulture);
            }

            writer.Kill(); // SIGKILL on Unix: nothing in the process runs after it
            Assert.True(writer.WaitForExit(Patience));

            using var adopted = spool.Claim();
            Assert.Equal(writerSlot, adopted.Path);
            var numbers = TempSpool.Replay(adopted);

            Assert.True(numbers.Count >= acknowledged, $"{numbers.Count} replayed, {acknowledged} acknowledged before the kill");
            Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => (long)i), numbers);
            Assert.InRange(spool.Counters.CorruptRecords, 0, 1); // at most the one frame being written at the kill
            Assert.Empty(TempSpool.SegmentFiles(adopted.Path)); // every replayed segment was settled, checkpointed and deleted
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill();
            }
        }
    }

    private static Process StartWriter(string root)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MetaMock.JobLogging.SpoolWriter.dll"));
        start.ArgumentList.Add(root);
        start.ArgumentList.Add((64 * 1024).ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
