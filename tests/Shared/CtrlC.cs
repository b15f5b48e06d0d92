using System.Diagnostics;
using System.Globalization;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// Sends SIGINT to a child process, as Ctrl+C in a terminal does. A process started with SIGINT ignored (a background
/// job of a non-interactive shell, <c>cmd &amp;</c> in a script) passes that on to its children, which then cannot be
/// interrupted at all: that is reported at once, instead of as a child that never stops.
/// </summary>
public static class CtrlC
{
    public static void Send(Process process)
    {
        if (IgnoredHere())
        {
            throw new InvalidOperationException(
                "This test process was started with SIGINT ignored (for example as a background job of a script), and its "
                + "children inherit that, so Ctrl+C cannot reach them. Run the tests in the foreground.");
        }

        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // Linux lists the ignored signals as a hex mask (bit n-1 for signal n) in /proc/self/status; SIGINT is signal 2.
    private static bool IgnoredHere()
    {
        const string Field = "SigIgn:";
        if (!File.Exists("/proc/self/status"))
        {
            return false;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Field, StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line.AsSpan(Field.Length).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
    }
}
