using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The methods a B4 child compiled, by tier: the parent asks the child's runtime for a summary line per compilation
/// (<c>DOTNET_JitDisasmSummary</c> into <c>DOTNET_JitStdOutFile</c>) and counts the lines by tier after the child
/// exits. A warm child reports the file's length when its measured run starts, so the compilations of that run are
/// counted apart (to within what the runtime had not yet written out).
/// </summary>
internal static partial class JitSummary
{
    public const string FileVariable = "DOTNET_JitStdOutFile";

    /// <summary>The tiers counted, by their name in the summary, and the figure each is reported under.</summary>
    public static readonly (string Tier, string Name)[] Tiers =
    [
        ("Tier0", "tier0"), ("Instrumented Tier0", "tier0_instr"), ("Tier1", "tier1"), ("Instrumented Tier1", "tier1_instr"),
        ("Tier1-OSR", "osr"), ("FullOpts", "fullopts"),
    ];

    /// <summary>Points the child's runtime at a file of its own; returns the file's path.</summary>
    public static string AskFor(ProcessStartInfo start)
    {
        var path = Path.Combine(Path.GetTempPath(), $"b4-jit-{Guid.NewGuid():N}.txt");
        start.Environment[FileVariable] = path;
        start.Environment["DOTNET_JitDisasmSummary"] = "1";
        return path;
    }

    /// <summary>
    /// Adds <c>jit_TIER</c> (the whole child) and <c>jit_run_TIER</c> (from byte <paramref name="runStart"/> on; -1: none)
    /// counts to <paramref name="values"/>. The caller deletes the file.
    /// </summary>
    public static void Count(string path, long runStart, Dictionary<string, double> values)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var bytes = File.ReadAllBytes(path);
        CountTiers(Encoding.UTF8.GetString(bytes), "jit_", values);
        if (runStart >= 0)
        {
            var from = (int)Math.Min(runStart, bytes.Length);
            CountTiers(Encoding.UTF8.GetString(bytes, from, bytes.Length - from), "jit_run_", values);
        }
    }

    private static void CountTiers(string text, string prefix, Dictionary<string, double> values)
    {
        foreach (var (_, name) in Tiers)
        {
            values[prefix + name] = 0;
        }

        var total = 0;
        foreach (Match match in TierPattern().Matches(text))
        {
            total++;
            var tier = Array.FindIndex(Tiers, t => t.Tier == match.Groups[1].Value);
            if (tier >= 0)
            {
                values[prefix + Tiers[tier].Name]++;
            }
        }

        values[prefix + "total"] = total;
    }

    // "   12: JIT compiled Type:Method(args) [Tier1, IL size=20, code size=62]"
    [GeneratedRegex(@"JIT compiled .*\[([A-Za-z0-9 \-]+), IL size=", RegexOptions.Multiline)]
    private static partial Regex TierPattern();
}
