using System.Collections.Concurrent;

namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// The demo's in-process bookkeeping: images done per workflow (so the last image starts the upload), attempts per
/// image (so failures are decided per attempt), and when each workflow has finished. Real systems keep this in storage.
/// </summary>
internal sealed class WorkflowTracker
{
    private readonly ConcurrentDictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), int> _attempts = new();
    private int _steps;
    private int _retries;

    public int Steps => Volatile.Read(ref _steps);

    public int Retries => Volatile.Read(ref _retries);

    public IReadOnlyCollection<string> WorkflowIds => _workflows.Keys.ToList();

    public void Register(string workflowId, int images) => _workflows[workflowId] = new Workflow(images);

    public int Images(string workflowId) => _workflows[workflowId].Images;

    public void StepCompleted() => Interlocked.Increment(ref _steps);

    /// <summary>Returns 0 for the first attempt at an image, 1 for its first retry, and so on.</summary>
    public int NextAttempt(string workflowId, int image) => _attempts.AddOrUpdate((workflowId, image), 0, (_, n) => n + 1);

    public void RetryScheduled() => Interlocked.Increment(ref _retries);

    /// <summary>Counts a finished image and returns how many of the workflow's images are done.</summary>
    public int ImageDone(string workflowId) => Interlocked.Increment(ref _workflows[workflowId].ImagesDone);

    public void Completed(string workflowId) => _workflows[workflowId].Done.TrySetResult();

    public Task WhenAllCompleted() => Task.WhenAll(_workflows.Values.Select(w => w.Done.Task));

    private sealed class Workflow(int images)
    {
        public int ImagesDone;

        public int Images { get; } = images;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
