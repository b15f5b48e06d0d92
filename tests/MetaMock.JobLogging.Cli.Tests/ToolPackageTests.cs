using System.Diagnostics;
using System.Reflection;
using MetaMock.JobLogging.Cli.Tests.Support;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Cli.Tests;

/// <summary>The command as users get it: packed, installed with <c>dotnet tool install</c>, run as its own process.</summary>
[Collection(UsesMoto.Name)]
public sealed class ToolPackageTests(MotoFixture fixture)
{
    [Fact]
    public async Task The_packed_tool_installs_reads_a_stream_follows_until_interrupted_and_reports_missing_credentials()
    {
        var work = Directory.CreateTempSubdirectory("metamock-logs-");
        try
        {
            var project = Path.Combine(RepositoryRoot(), "src", "MetaMock.JobLogging.Cli");
            var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            // The test run has built the project already; packing without a build leaves its outputs alone.
            var packed = await RunAsync("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", Path.Combine(work.FullName, "packages")]);
            Assert.True(packed.Code == 0, packed.Output);
            var installed = await RunAsync("dotnet", ["tool", "install", "MetaMock.JobLogging.Cli", "--version", "0.1.0", "--tool-path", Path.Combine(work.FullName, "tool"), "--add-source", Path.Combine(work.FullName, "packages")]);
            Assert.True(installed.Code == 0, installed.Output);
            var tool = Path.Combine(work.FullName, "tool", "metamock-logs");

            var group = "tool-" + Guid.NewGuid().ToString("N");
            await MotoJobLines.WriteAsync(fixture.Server, group, "packed", "t", "1", (LogLevel.Error, "from the installed tool"));
            var environment = new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = fixture.Endpoint.ToString(),
                ["CLOUDWATCH_LOG_GROUP"] = group,
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            };

            var tail = await RunAsync(tool, ["tail", "packed"], environment);
            Assert.Equal(0, tail.Code);
            Assert.Contains("[ERROR] [job_id=packed task=t run_id=1] from the installed tool", tail.Output, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', tail.Output); // piped, so plain

            // Ctrl+C is SIGINT: --follow ends with exit code 0.
            using (var follow = Start(tool, ["tail", "packed", "--follow"], environment))
            {
                try
                {
                    var first = await follow.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                    Assert.Contains("from the installed tool", first, StringComparison.Ordinal);
                    CtrlC.Send(follow);

                    await follow.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    Assert.Equal(0, follow.ExitCode);
                }
                finally
                {
                    // A follow that did not stop (or was never interrupted) must not outlive the test.
                    if (!follow.HasExited)
                    {
                        follow.Kill(entireProcessTree: true);
                    }
                }
            }

            var missing = Path.Combine(work.FullName, "none");
            var noCredentials = await RunAsync(tool, ["tail", "packed"], new Dictionary<string, string?>(environment)
            {
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_SHARED_CREDENTIALS_FILE"] = missing,
                ["AWS_CONFIG_FILE"] = missing,
            });
            Assert.Equal(4, noCredentials.Code);
            Assert.Equal(
                "metamock-logs: no AWS credentials were found (environment variables, shared profile, web identity, container or instance role).",
                noCredentials.Output.Trim());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MetaMock.JobLogging.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (MetaMock.JobLogging.sln) was not found above the test's directory.");
    }

    private static Process Start(string file, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(file, args, environment);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
