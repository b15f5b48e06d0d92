namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// What is genuinely this process's own: the workflows it started (the ones it waits for) and the steps and retries
/// it ran, for its summary. Everything the workflow itself needs lives in the job storage (<see cref="WorkflowStore"/>
/// and the jobs' arguments), so any process on the storage can run any step.
/// </summary>
internal sealed class WorkflowTracker
{
    private readonly List<string> _started = [];
    private int _steps;
    private int _retries;

    public int Steps => Volatile.Read(ref _steps);

    public int Retries => Volatile.Read(ref _retries);

    public IReadOnlyCollection<string> WorkflowIds
    {
        get
        {
            lock (_started)
            {
                return _started.ToList();
            }
        }
    }

    public void Started(string workflowId)
    {
        lock (_started)
        {
            _started.Add(workflowId);
        }
    }

    public void StepCompleted() => Interlocked.Increment(ref _steps);

    public void RetryScheduled() => Interlocked.Increment(ref _retries);
}
