namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>The four-field job context every stack carries in B1, as MEL scope pairs for the peers.</summary>
internal static class JobContextFields
{
    public static readonly KeyValuePair<string, object?>[] Pairs =
    [
        new("user_id", "123"),
        new("job_id", "bulk-abc123"),
        new("task_name", "generate_images"),
        new("task_run_id", "run-456"),
    ];
}
