using MetaMock.JobLogging;
using Hangfire;
using Hangfire.Server;
using MetaMock.DemoWorker.Scheduling;
using MetaMock.JobLogging.Hangfire;
using Microsoft.Extensions.Logging;

namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// The spec's bulk-generation workflow as Hangfire jobs. Each step is its own job with its own task name and run id;
/// every step enqueued from inside the workflow inherits its job id, so all of them log to one <c>jobs/{job_id}</c> stream.
/// What a step needs travels in its arguments or lives in the job storage, so whichever process is free runs it.
/// </summary>
internal sealed class BulkGenerationJobs
{
    private const int PromptCount = 5;

    private readonly IBackgroundJobClient _jobs;
    private readonly WorkflowTracker _tracker;
    private readonly WorkflowStore _store;
    private readonly SimulatedFailures _failures;
    private readonly NotificationScheduler _notifications;
    private readonly ILogger<BulkGenerationJobs> _logger;

    public BulkGenerationJobs(
        IBackgroundJobClient jobs, WorkflowTracker tracker, WorkflowStore store, SimulatedFailures failures, NotificationScheduler notifications, ILogger<BulkGenerationJobs> logger)
    {
        _jobs = jobs;
        _tracker = tracker;
        _store = store;
        _failures = failures;
        _notifications = notifications;
        _logger = logger;
    }

    private static string WorkflowId => MetaMockLogContext.GetJobContext()?.JobId
        ?? throw new InvalidOperationException("A workflow step ran without a job context.");

    /// <summary>The workflow's first job: the API request enqueues it with the user and workflow ids.</summary>
    [MetaMockJobContext(TaskName = "bulk_workflow", JobIdArgument = "workflowId", UserIdArgument = "userId")]
    public void StartBulkGeneration(string workflowId, string presetId, long userId, int images)
    {
        _logger.LogInformation("Starting bulk generation for preset {PresetId}", presetId);
        _jobs.Enqueue<BulkGenerationJobs>(j => j.ValidatePreset(presetId, images));
        _tracker.StepCompleted();
    }

    /// <summary>Step 1: check the preset.</summary>
    [MetaMockJobContext(TaskName = "validate_preset")]
    public void ValidatePreset(string presetId, int images)
    {
        _logger.LogDebug("Validating preset configuration");
        _logger.LogInformation("Preset {PresetId} is valid", presetId);
        _jobs.Enqueue<BulkGenerationJobs>(j => j.GeneratePrompts(presetId, images));
        _tracker.StepCompleted();
    }

    /// <summary>Step 2: make the prompts, then one child job per image.</summary>
    [MetaMockJobContext(TaskName = "generate_prompts")]
    public void GeneratePrompts(string presetId, int images)
    {
        _logger.LogInformation("Generated {PromptCount} unique prompts", PromptCount);
        for (var image = 1; image <= images; image++)
        {
            var prompt = $"{presetId} prompt {((image - 1) % PromptCount) + 1}";
            var index = image;
            _jobs.Enqueue<BulkGenerationJobs>(j => j.GenerateImage(index, prompt, images, null));
        }

        _tracker.StepCompleted();
    }

    /// <summary>
    /// Step 3, one job per image: some attempts fail with a simulated API timeout and Hangfire retries them. Hangfire
    /// fills <paramref name="context"/>; its RetryCount parameter says which attempt this is, whichever process ran the last.
    /// </summary>
    [MetaMockJobContext(TaskName = "generate_images")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task GenerateImage(int image, string prompt, int images, PerformContext? context)
    {
        var workflowId = WorkflowId;
        var attempt = (context ?? throw new InvalidOperationException("Hangfire runs this job with its PerformContext.")).GetJobParameter<int>("RetryCount");
        _logger.LogDebug("Generating image {Image} from \"{Prompt}\" (attempt {Attempt})", image, prompt, attempt + 1);
        await Task.Delay(TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        if (_failures.ShouldFail(workflowId, image, attempt))
        {
            _tracker.RetryScheduled();
            throw new TimeoutException($"Image generation failed: API timeout (image {image})");
        }

        var done = _store.ImageDone(workflowId, image, images, () => _jobs.Enqueue<BulkGenerationJobs>(j => j.UploadToS3(images)));
        _logger.LogInformation("Generated {Done}/{Total} images", done, images);
        _tracker.StepCompleted();
    }

    /// <summary>Step 4: upload (simulated), then ask Quartz to notify the user.</summary>
    [MetaMockJobContext(TaskName = "upload_to_s3")]
    public async Task UploadToS3(int images)
    {
        _logger.LogInformation("Uploading {Images} images to s3://metamock-demo/{WorkflowId}/", images, WorkflowId);
        await _notifications.ScheduleAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        _logger.LogInformation("Bulk generation completed");
        _tracker.StepCompleted();
    }
}
