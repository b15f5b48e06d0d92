using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MetaMock.DemoWorker.Workflow;

/// <summary>
/// Decides, from the seed alone, which image attempts fail with a simulated API timeout: the same seed gives the same
/// failures whatever the thread timing. The third attempt always succeeds, so every workflow completes.
/// </summary>
internal sealed class SimulatedFailures(DemoOptions options)
{
    public const int AlwaysSucceedsFromAttempt = 2;

    public bool ShouldFail(string workflowId, int image, int attempt)
    {
        if (attempt >= AlwaysSucceedsFromAttempt || options.FailureRate <= 0)
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Seed}/{workflowId}/{image}/{attempt}"));
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        return hash / (double)ulong.MaxValue < options.FailureRate;
    }
}
