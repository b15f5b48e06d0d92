namespace MetaMock.DemoWorker.Workflow;

/// <summary>Workflow ids derived from the seed, so a run can be repeated exactly.</summary>
internal static class WorkflowIds
{
    public static IReadOnlyList<string> Create(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => $"bulk-{random.NextInt64(0x1000_0000_0000, 0xFFFF_FFFF_FFFF):x12}").ToList();
    }
}
