using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Tests.Support;

namespace MetaMock.JobLogging.Tests.Configuration;

/// <summary>The spool's four settings from the environment and the configuration section, and what a bad value does.</summary>
public sealed class SpoolSettingsTests
{
    private const long OneSegmentFile = 1_048_576 + 64;

    [Fact]
    public void The_spool_is_off_by_default_with_sync_none_every_second_and_a_one_GiB_bound()
    {
        using var harness = new LoggingHarness();
        var o = harness.Options;

        Assert.Equal((null, SpoolSync.None, TimeSpan.FromSeconds(1), 1L << 30), (o.SpoolDirectory, o.SpoolSync, o.SpoolSyncInterval, o.MaxSpoolBytes));
    }

    [Fact]
    public void The_spool_environment_variables_are_read()
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?>
        {
            ["CLOUDWATCH_SPOOL_DIR"] = " /var/spool/metamock ",
            ["CLOUDWATCH_SPOOL_SYNC"] = "Interval",
            ["CLOUDWATCH_SPOOL_SYNC_INTERVAL"] = "0.25",
            ["CLOUDWATCH_SPOOL_MAX_BYTES"] = OneSegmentFile.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var o = harness.Options;

        Assert.Equal(("/var/spool/metamock", SpoolSync.Interval, TimeSpan.FromMilliseconds(250), OneSegmentFile), (o.SpoolDirectory, o.SpoolSync, o.SpoolSyncInterval, o.MaxSpoolBytes));
        Assert.Empty(harness.Errors.ToString());
    }

    [Fact]
    public void The_configuration_section_sets_them_and_an_environment_variable_wins_over_it()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["MetaMockLogging:SpoolDirectory"] = "spool",
            ["MetaMockLogging:SpoolSync"] = "always",
            ["MetaMockLogging:SpoolSyncInterval"] = "5",
            ["MetaMockLogging:MaxSpoolBytes"] = "2147483648",
        };
        using var harness = new LoggingHarness(new Dictionary<string, string?> { ["CLOUDWATCH_SPOOL_SYNC"] = "none" }, configuration);
        var o = harness.Options;

        Assert.Equal(("spool", SpoolSync.None, TimeSpan.FromSeconds(5), 2L << 30), (o.SpoolDirectory, o.SpoolSync, o.SpoolSyncInterval, o.MaxSpoolBytes));
    }

    [Theory]
    [InlineData("CLOUDWATCH_SPOOL_DIR", " ", "a directory path (a relative one is resolved against the current directory at start-up)")]
    [InlineData("CLOUDWATCH_SPOOL_SYNC", "sometimes", "none, interval, always")]
    [InlineData("CLOUDWATCH_SPOOL_SYNC_INTERVAL", "0", "a positive number of seconds")]
    [InlineData("CLOUDWATCH_SPOOL_SYNC_INTERVAL", "soon", "a positive number of seconds")]
    [InlineData("CLOUDWATCH_SPOOL_MAX_BYTES", "1GB", "a whole number of bytes, at least 1048640 (one spool segment file: 1048576 bytes of records and a 64-byte header)")]
    [InlineData("CLOUDWATCH_SPOOL_MAX_BYTES", "1048576", "at least 1048640")]
    [InlineData("CLOUDWATCH_SPOOL_MAX_BYTES", "-5", "at least 1048640")]
    public void A_bad_value_gives_one_line_naming_it_and_what_is_accepted_and_the_default_is_kept(string variable, string value, string accepted)
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?> { [variable] = value });
        var o = harness.Options;

        Assert.Equal((null, SpoolSync.None, TimeSpan.FromSeconds(1), 1L << 30), (o.SpoolDirectory, o.SpoolSync, o.SpoolSyncInterval, o.MaxSpoolBytes));
        var line = Assert.Single(harness.Errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"MetaMock.JobLogging: environment variable {variable} has the invalid value \"{value}\"; accepted: ", line, StringComparison.Ordinal);
        Assert.Contains(accepted, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_the_configuration_section_names_the_key()
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["MetaMockLogging:MaxSpoolBytes"] = "1000" });

        Assert.Equal(1L << 30, harness.Options.MaxSpoolBytes);
        Assert.Contains("configuration key MetaMockLogging:MaxSpoolBytes has the invalid value \"1000\"; accepted: a whole number of bytes, at least 1048640", harness.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spool_values_set_in_code_that_cannot_work_are_failures_only_when_the_spool_is_on()
    {
        var off = new MetaMockLoggingOptions { MaxSpoolBytes = 1024, SpoolSyncInterval = TimeSpan.Zero, SpoolSync = (SpoolSync)7 };
        var on = new MetaMockLoggingOptions { SpoolDirectory = "/var/spool/metamock", MaxSpoolBytes = 1024, SpoolSyncInterval = TimeSpan.Zero, SpoolSync = (SpoolSync)7 };

        Assert.Empty(CloudWatchSettingsCheck.Failures(off));
        Assert.Collection(
            CloudWatchSettingsCheck.Failures(on),
            f => Assert.StartsWith("SpoolSync (CLOUDWATCH_SPOOL_SYNC) is 7; allowed: None, Interval, Always.", f, StringComparison.Ordinal),
            f => Assert.StartsWith("SpoolSyncInterval (CLOUDWATCH_SPOOL_SYNC_INTERVAL) must be positive", f, StringComparison.Ordinal),
            f => Assert.StartsWith("MaxSpoolBytes (CLOUDWATCH_SPOOL_MAX_BYTES) is 1024; accepted: a whole number of bytes, at least 1048640", f, StringComparison.Ordinal));
        Assert.Single(CloudWatchSettingsCheck.Failures(new MetaMockLoggingOptions { SpoolDirectory = "" }), f => f.Contains("SpoolDirectory (CLOUDWATCH_SPOOL_DIR) is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void With_CloudWatch_on_a_spool_bound_below_one_segment_set_in_code_stops_the_start_with_one_line()
    {
        var output = new StringWriter();
        var options = new MetaMockLoggingOptions { Environment = MetaMockEnvironment.Production, UseCloudWatch = true, SpoolDirectory = "/var/spool/metamock", MaxSpoolBytes = 4096 };

        var error = Assert.Throws<InvalidOperationException>(() => new StartupReport(output, exit: null).Check(options));

        Assert.Contains("MaxSpoolBytes (CLOUDWATCH_SPOOL_MAX_BYTES) is 4096", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void The_start_line_names_no_spool_when_it_is_off_and_says_a_set_spool_is_unused_when_lines_stay_on_the_console()
    {
        var off = new StringWriter();
        var unused = new StringWriter();

        new StartupReport(off, exit: null).Check(new MetaMockLoggingOptions());
        new StartupReport(unused, exit: null).Check(new MetaMockLoggingOptions { SpoolDirectory = "/var/spool/metamock" });

        Assert.DoesNotContain("spool", off.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(
            "log lines go to the console only. The spool (CLOUDWATCH_SPOOL_DIR) holds events for CloudWatch Logs only, so it is not used." + Environment.NewLine,
            unused.ToString(),
            StringComparison.Ordinal);
    }
}
