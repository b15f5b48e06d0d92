using System.Text.RegularExpressions;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary>
/// No Docker engine runs here, so the docker/ files are checked against the repository they build: the paths they
/// copy exist, the entry point is the demo's assembly, the image runs unprivileged, and compose sets the variables the
/// library reads.
/// </summary>
public sealed partial class DockerFilesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MetaMock.JobLogging.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    [Fact]
    public void The_dockerfile_is_multi_stage_copies_paths_that_exist_and_runs_the_demo_as_non_root()
    {
        var dockerfile = Read("docker/Dockerfile");
        Assert.Equal(2, FromLine().Count(dockerfile));
        foreach (Match copy in CopyLine().Matches(dockerfile))
        {
            foreach (var source in copy.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"COPY source {source} does not exist");
            }
        }

        var user = UserLine().Match(dockerfile);
        Assert.True(user.Success, "no USER line");
        Assert.NotEqual("root", user.Groups[1].Value);
        Assert.NotEqual("0", user.Groups[1].Value);
        Assert.Contains("\"demo-worker.dll\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>demo-worker</AssemblyName>", Read("demo-worker/MetaMock.JobLogging.DemoWorker.csproj"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_restore_layer_has_every_project_the_demo_references()
    {
        var dockerfile = Read("docker/Dockerfile");
        var beforeRestore = dockerfile[..dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal)];
        var pending = new Queue<string>(["demo-worker/MetaMock.JobLogging.DemoWorker.csproj"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            foreach (Match reference in ProjectReferenceLine().Matches(Read(project)))
            {
                var path = Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(project)!, reference.Groups[1].Value)))
                    .Replace('\\', '/');
                if (seen.Add(path))
                {
                    Assert.Contains($"COPY {path} ", beforeRestore, StringComparison.Ordinal);
                    pending.Enqueue(path);
                }
            }
        }

        Assert.NotEmpty(seen);
    }

    [Fact]
    public void Compose_runs_the_worker_in_production_against_the_emulator_on_loopback()
    {
        var compose = Read("docker/compose.yaml");
        Assert.Contains("ENVIRONMENT: production", compose, StringComparison.Ordinal);
        Assert.Contains("USE_CLOUDWATCH: \"true\"", compose, StringComparison.Ordinal);
        Assert.Matches(@"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: http://cloudwatch:\d+", compose);
        Assert.Contains("dockerfile: docker/Dockerfile", compose, StringComparison.Ordinal);
        Assert.Matches(@"""127\.0\.0\.1:\d+:\d+""", compose);
        Assert.Contains("image: motoserver/moto", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_runs_two_workers_on_one_postgres_that_is_healthy_before_they_start()
    {
        var compose = Read("docker/compose.yaml");
        Assert.Contains("image: postgres:", compose, StringComparison.Ordinal);
        Assert.Contains("pg_isready", compose, StringComparison.Ordinal);
        Assert.Matches(@"postgres:\s+condition: service_healthy", compose);

        // Two worker services, each with the demo's PostgreSQL options pointing at the compose service, sharing one
        // schema, each starting workflows of its own (the ids come from the seed).
        var commands = CommandLine().Matches(compose).Select(m => m.Groups[1].Value).Where(c => c.Contains("--storage", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.Contains("\"--storage\", \"postgres\", \"--connection\", \"Host=postgres;", c, StringComparison.Ordinal));
        Assert.Single(commands.Select(c => SchemaArgument().Match(c).Groups[1].Value).Distinct());
        Assert.Equal(2, commands.Select(c => SeedArgument().Match(c).Groups[1].Value).Where(s => s.Length > 0).Distinct().Count());
        Assert.Contains("worker-2:\n    <<: *worker", compose, StringComparison.Ordinal);

        // Every published port is on loopback.
        Assert.Equal(2, PortLine().Count(compose));
        Assert.All(PortLine().Matches(compose), m => Assert.StartsWith("\"127.0.0.1:", m.Groups[1].Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_worker_spools_to_a_named_volume_of_its_own_mounted_where_the_image_gives_the_app_user_a_directory()
    {
        var compose = Read("docker/compose.yaml");
        var dockerfile = Read("docker/Dockerfile");
        const string Spool = "/var/spool/metamock";

        Assert.Contains($"CLOUDWATCH_SPOOL_DIR: {Spool}", compose, StringComparison.Ordinal);
        var volumes = VolumeLine().Matches(compose).Where(m => m.Groups["path"].Value == Spool).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(["spool-1", "spool-2"], volumes);
        Assert.EndsWith("volumes:\n  spool-1:\n  spool-2:\n", compose, StringComparison.Ordinal);

        // A new named volume takes the owner of its mount point in the image: it must exist and belong to the USER.
        var user = UserLine().Match(dockerfile);
        var chown = dockerfile.IndexOf($"mkdir -p {Spool} && chown {user.Groups[1].Value}:{user.Groups[1].Value} {Spool}", StringComparison.Ordinal);
        Assert.InRange(chown, dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal), user.Index);
    }

    [GeneratedRegex(@"^\s+- (?<name>[\w-]+):(?<path>/\S+)$", RegexOptions.Multiline)]
    private static partial Regex VolumeLine();

    [GeneratedRegex(@"^\s+command: \[(.+)\]$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"""--schema"", ""(\w+)""")]
    private static partial Regex SchemaArgument();

    [GeneratedRegex(@"""--seed"", ""(\d+)""")]
    private static partial Regex SeedArgument();

    [GeneratedRegex(@"^\s+- (""[^""]+"")\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex PortLine();

    [GeneratedRegex(@"^FROM \S+ AS \w+$", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"<ProjectReference Include=""([^""]+)""")]
    private static partial Regex ProjectReferenceLine();

    [GeneratedRegex(@"^USER (\S+)$", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
