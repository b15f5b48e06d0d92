using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MetaMock.DemoWorker.Storage;

namespace MetaMock.DemoWorker;

/// <summary>The demo's options, parsed by System.CommandLine; a bad option prints the usage and exits 2.</summary>
internal static class DemoCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Build(Func<DemoOptions, CancellationToken, Task<int>> run)
    {
        var bulkJobs = new Option<int>("--bulk-jobs") { Description = "Concurrent bulk-generation workflows.", DefaultValueFactory = _ => 2 };
        var images = new Option<int>("--images") { Description = "Images per workflow.", DefaultValueFactory = _ => 6 };
        var failureRate = new Option<double>("--failure-rate") { Description = "Chance (0-1) that an image attempt fails with a simulated API timeout.", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same ids, failures and retries.", DefaultValueFactory = _ => 42 };
        var serve = new Option<bool>("--serve") { Description = "Keep running as a worker until Ctrl+C, then shut down cleanly and flush logs." };
        var dashboard = new Option<string?>("--dashboard") { Description = "Serve the Hangfire dashboard, with each job's log lines, at this loopback URL (e.g. http://127.0.0.1:5080)." };
        dashboard.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !DemoDashboard.IsLoopback(r.Tokens[^1].Value))
            {
                r.AddError($"--dashboard must be an http URL on 127.0.0.1 (got {r.Tokens[^1].Value}).");
            }
        });
        var storage = new Option<StorageKind>("--storage") { Description = "Where Hangfire keeps the jobs: memory, or postgres (with --connection).", DefaultValueFactory = _ => StorageKind.Memory };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string, e.g. \"Host=127.0.0.1;Username=postgres;Password=...\"." };
        var schema = new Option<string>("--schema") { Description = "PostgreSQL schema for Hangfire's tables.", DefaultValueFactory = _ => "hangfire" };
        Positive(bulkJobs, 1, 1_000);
        Positive(images, 1, 10_000);
        failureRate.Validators.Add(r =>
        {
            if (Typed<double>(r) is { } p && p is < 0 or >= 1)
            {
                r.AddError($"--failure-rate must be at least 0 and below 1 (got {p}).");
            }
        });

        var root = new RootCommand("MetaMock.JobLogging demo: the spec's bulk-generation workflow on Hangfire and Quartz.NET, logged with job context.")
        {
            bulkJobs, images, failureRate, seed, serve, dashboard, storage, connection, schema,
        };
        root.Validators.Add(r =>
        {
            // An unknown storage name is the parser's error to report; reading the value here would throw.
            if (r.GetResult(storage) is { Tokens: [.., var token] } && !Enum.TryParse<StorageKind>(token.Value, ignoreCase: true, out _))
            {
                return;
            }

            var postgres = r.GetValue(storage) == StorageKind.Postgres;
            if (postgres != !string.IsNullOrWhiteSpace(r.GetValue(connection)))
            {
                r.AddError(postgres ? "--storage postgres needs --connection." : "--connection applies only with --storage postgres.");
            }
        });
        root.SetAction((result, cancellation) => run(
            new DemoOptions(result.GetValue(bulkJobs), result.GetValue(images), result.GetValue(failureRate), result.GetValue(seed), result.GetValue(serve), result.GetValue(dashboard) is { } url ? new Uri(url) : null)
            {
                Storage = result.GetValue(storage),
                Connection = result.GetValue(connection),
                Schema = result.GetValue(schema)!,
            },
            cancellation));
        return root;
    }

    // Validators run even when the text did not convert (the parser reports that itself), so read the token here.
    private static T? Typed<T>(OptionResult result)
        where T : struct, IParsable<T> =>
        result.Tokens.Count == 0 ? null // not given: the default applies, and it is valid
        : T.TryParse(result.Tokens[^1].Value, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    private static void Positive(Option<int> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            if (Typed<int>(r) is { } value && (value < min || value > max))
            {
                r.AddError($"{option.Name} must be between {min} and {max} (got {value}).");
            }
        });
}
