using MetaMock.JobLogging;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// What the API would do: set the user context from the authenticated user, then enqueue
/// <c>start_bulk_generation(preset_id, user_id)</c>. The Hangfire filter carries the user id into the jobs.
/// </summary>
internal static class SimulatedApiRequest
{
    private const long UserId = 123;

    public static void Run(IServiceProvider services, DemoOptions options)
    {
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        var tracker = services.GetRequiredService<WorkflowTracker>();
        var store = services.GetRequiredService<WorkflowStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("demo_worker.api");
        var workflowIds = WorkflowIds.Create(options.Seed, options.BulkJobs);
        using (MetaMockLogContext.BeginUserContext(UserId))
        {
            logger.LogInformation("User authenticated");
            for (var i = 0; i < workflowIds.Count; i++)
            {
                var workflowId = workflowIds[i];
                var presetId = $"preset-{i + 1}";
                var images = options.Images;
                store.Start(workflowId);
                tracker.Started(workflowId);
                jobs.Enqueue<BulkGenerationJobs>(j => j.StartBulkGeneration(workflowId, presetId, UserId, images));
                logger.LogInformation("Bulk generation {WorkflowId} requested for {PresetId} ({Images} images)", workflowId, presetId, options.Images);
            }
        }
    }
}
