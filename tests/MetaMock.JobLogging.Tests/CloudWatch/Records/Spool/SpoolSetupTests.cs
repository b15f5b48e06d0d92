using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>
/// What a process meets as the spool starts: a slot claimed and named in one line, or one line naming the directory and
/// the cause and events kept in memory. Never an exception, never a second line for one cause.
/// </summary>
public sealed class SpoolSetupTests
{
    [Fact]
    public void Without_a_spool_directory_there_is_no_slot_and_nothing_is_said()
    {
        var reports = new List<string>();

        Assert.Null(SpoolSetup.Open(new MetaMockLoggingOptions(), reports.Add));
        Assert.Empty(reports);
    }

    [Fact]
    public void A_missing_directory_is_created_and_a_second_process_claims_another_slot_while_the_first_holds_its_own()
    {
        using var spool = new TempSpool();
        var root = Path.Combine(spool.Root, "var", "spool");
        var options = new MetaMockLoggingOptions { SpoolDirectory = root };

        using var first = SpoolSetup.Open(options, spool.Reports.Add);
        using var second = SpoolSetup.Open(options, spool.Reports.Add);

        Assert.Equal(Path.Combine(root, "slot-0"), first?.Path);
        Assert.Equal(Path.Combine(root, "slot-1"), second?.Path);
        Assert.Equal(
            [$"MetaMock.JobLogging: spool on: events wait for CloudWatch Logs in slot slot-0 of {root} (sync none: survives a killed process, not a power cut; at most 1 GiB of segment files).",
             $"MetaMock.JobLogging: spool on: events wait for CloudWatch Logs in slot slot-1 of {root} (sync none: survives a killed process, not a power cut; at most 1 GiB of segment files)."],
            spool.Reports);
        Assert.Empty(Directory.GetFiles(first!.Path, "*.probe"));
    }

    [Theory]
    [InlineData(SpoolSync.Interval, 2.5, 8L << 20, "sync interval: an fsync every 2.5 s, so a power cut loses at most that; at most 8 MiB of segment files")]
    [InlineData(SpoolSync.Always, 1, 3L << 30, "sync always: an fsync before each send; at most 3 GiB of segment files")]
    [InlineData(SpoolSync.None, 1, 1_500_000L, "sync none: survives a killed process, not a power cut; at most 1500000 bytes of segment files")]
    public void The_start_up_line_names_the_sync_mode_with_what_it_survives_and_the_disk_bound(SpoolSync sync, double seconds, long maxBytes, string expected)
    {
        using var spool = new TempSpool();
        var options = new MetaMockLoggingOptions
        {
            SpoolDirectory = spool.Root,
            SpoolSync = sync,
            SpoolSyncInterval = TimeSpan.FromSeconds(seconds),
            MaxSpoolBytes = maxBytes,
        };

        using var slot = SpoolSetup.Open(options, spool.Reports.Add);

        Assert.NotNull(slot);
        Assert.Contains($"({expected}).", Assert.Single(spool.Reports), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_directory_is_resolved_against_the_current_directory()
    {
        var relative = Path.Combine("spool-relative-" + Guid.NewGuid().ToString("N"), "spool");
        var expected = Path.Combine(Environment.CurrentDirectory, relative);
        using var spool = new TempSpool(Path.GetDirectoryName(expected));

        using var slot = SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = relative }, spool.Reports.Add);

        Assert.Equal(Path.Combine(expected, "slot-0"), slot?.Path);
        Assert.Contains($"in slot slot-0 of {expected} (", Assert.Single(spool.Reports), StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_a_dead_process_left_is_adopted_and_the_line_says_how_many_segments_are_replayed()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(2_000);

        using var slot = SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = spool.Root }, spool.Reports.Add);

        Assert.True(slot?.Recovered.Count > 1, "the dead process's segments are adopted");
        Assert.EndsWith($"; {slot.Recovered.Count} segment file(s) a process left unsent when it stopped are replayed.", Assert.Single(spool.Reports), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_under_a_regular_file_gives_one_line_naming_the_path_and_the_cause_and_no_slot()
    {
        using var spool = new TempSpool();
        var file = Path.Combine(spool.Root, "a-file");
        File.WriteAllText(file, "not a directory");
        var root = Path.Combine(file, "spool");

        Assert.Null(SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = root }, spool.Reports.Add));

        var line = Assert.Single(spool.Reports);
        Assert.Equal($"MetaMock.JobLogging: the spool directory {root} cannot be used ({file} is a file, not a directory); events are kept in memory instead.", line);
    }

    [Fact]
    public void A_slot_that_cannot_be_adopted_gives_one_line_naming_the_cause_and_its_lock_is_released()
    {
        using var spool = new TempSpool();
        var slot = Path.Combine(spool.Root, "slot-0");
        Directory.CreateDirectory(slot);
        var blank = Path.Combine(slot, "000000000000.seg"); // left empty by a process that died creating it: adoption deletes it
        var other = Path.Combine(spool.Root, "other");
        File.WriteAllBytes(blank, []);
        File.WriteAllBytes(other, []);

        using (TestMount.Bind(other, blank)) // a file mounted over it cannot be deleted (EBUSY)
        {
            Assert.Null(SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = spool.Root }, spool.Reports.Add));
            using var held = new FileStream(Path.Combine(slot, SpoolSlot.LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }

        Assert.StartsWith($"MetaMock.JobLogging: the spool directory {spool.Root} cannot be used (Device or resource busy", Assert.Single(spool.Reports), StringComparison.Ordinal);
    }

    [ReadOnlyDirectoryFact]
    public void A_read_only_directory_gives_one_line_naming_the_path_and_the_cause_and_no_slot()
    {
        using var spool = new TempSpool();
        using var readOnly = ReadOnlyDirectory.Create(spool.Root);

        Assert.Null(SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = readOnly.Path }, spool.Reports.Add));

        var line = Assert.Single(spool.Reports);
        Assert.StartsWith($"MetaMock.JobLogging: the spool directory {readOnly.Path} cannot be used (", line, StringComparison.Ordinal);
        Assert.Matches("Read-only file system|denied", line);
    }

    [Fact]
    public void A_disk_without_room_for_one_segment_gives_one_line_and_no_slot_and_releases_the_slot_it_claimed()
    {
        using var spool = new TempSpool();
        using var mount = TestMount.Tmpfs(spool.Root, "size=512k"); // room for a slot's directory and lock file, not for a 1 MiB segment

        Assert.Null(SpoolSetup.Open(new MetaMockLoggingOptions { SpoolDirectory = mount.Path }, spool.Reports.Add));

        var line = Assert.Single(spool.Reports);
        Assert.StartsWith($"MetaMock.JobLogging: the spool directory {mount.Path} cannot be used (", line, StringComparison.Ordinal);
        Assert.Contains("disk was full", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(mount.Path, "slot-0"), "*.probe"));
        using var next = SpoolDirectory.TryClaim(mount.Path, SpoolLimits.Default, spool.Counters, spool.Reports.Add);
        Assert.Equal(Path.Combine(mount.Path, "slot-0"), next?.Path); // the lock was released with the slot
    }
}
