using Hangfire;
using Hangfire.Storage;

namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// The workflow state every demo process on one Hangfire storage shares: which images of a workflow are done (so that
/// exactly one image, the last, starts the upload, however many processes finish images at once) and whether the
/// workflow has finished. It lives in a storage hash per workflow, changed only under the storage's distributed lock,
/// which works the same on Hangfire.InMemory and Hangfire.PostgreSql.
/// </summary>
internal sealed class WorkflowStore(JobStorage storage)
{
    private const string ImagePrefix = "image:";
    private const string UploadField = "upload";
    private const string CompletedField = "completed";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    // Long enough for any demo run to finish; the record is only bookkeeping, so it does not outlive the day.
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>
    /// Clears what an earlier run with the same workflow id left (a rerun with the same seed reuses the ids), before the
    /// workflow's first job is enqueued.
    /// </summary>
    public void Start(string workflowId)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(Key(workflowId), LockTimeout);
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(Key(workflowId));
        transaction.Commit();
    }

    /// <summary>
    /// Counts image <paramref name="image"/> of the workflow as done and returns how many of its images are done. A
    /// retried attempt of an image already counted is not counted again. When every image is done and no upload was
    /// started yet, <paramref name="startUpload"/> runs, inside the lock, before the count is stored: if it throws,
    /// nothing is recorded and the retried attempt starts the upload instead.
    /// </summary>
    public int ImageDone(string workflowId, int image, int images, Action startUpload)
    {
        var key = Key(workflowId);
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(key, LockTimeout);
        var entries = connection.GetAllEntriesFromHash(key) ?? new Dictionary<string, string>();
        var field = ImagePrefix + image.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = entries.Keys.Count(k => k.StartsWith(ImagePrefix, StringComparison.Ordinal)) + (entries.ContainsKey(field) ? 0 : 1);
        var changes = new Dictionary<string, string>(StringComparer.Ordinal) { [field] = "done" };
        if (done == images && !entries.ContainsKey(UploadField))
        {
            startUpload();
            changes[UploadField] = "enqueued";
        }

        Write(connection, key, changes);
        return done;
    }

    /// <summary>Records that the workflow has finished, for whichever process is waiting for it.</summary>
    public void Completed(string workflowId)
    {
        using var connection = storage.GetConnection();
        Write(connection, Key(workflowId), new Dictionary<string, string>(StringComparer.Ordinal) { [CompletedField] = "true" });
    }

    /// <summary>Polls the storage until every one of <paramref name="workflowIds"/> has finished.</summary>
    public async Task WhenAllCompletedAsync(IReadOnlyCollection<string> workflowIds, TimeSpan poll, CancellationToken cancellation)
    {
        var pending = new HashSet<string>(workflowIds, StringComparer.Ordinal);
        while (true)
        {
            using (var connection = storage.GetConnection())
            {
                pending.RemoveWhere(id => connection.GetAllEntriesFromHash(Key(id))?.ContainsKey(CompletedField) == true);
            }

            if (pending.Count == 0)
            {
                return;
            }

            await Task.Delay(poll, cancellation).ConfigureAwait(false);
        }
    }

    private static string Key(string workflowId) => $"demo:workflow:{workflowId}";

    private static void Write(IStorageConnection connection, string key, Dictionary<string, string> changes)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(key, changes);
        if (transaction is JobStorageTransaction expiring)
        {
            expiring.ExpireHash(key, Keep);
        }

        transaction.Commit();
    }
}
