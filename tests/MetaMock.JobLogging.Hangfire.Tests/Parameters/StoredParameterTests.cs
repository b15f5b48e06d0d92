using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using MetaMock.JobLogging.Hangfire.Identity;

namespace MetaMock.JobLogging.Hangfire.Tests.Parameters;

/// <summary>The snapshot reader's shortcut must give exactly what Hangfire's own <c>GetJobParameter</c> gives.</summary>
public sealed class StoredParameterTests : IDisposable
{
    private readonly InMemoryStorage _storage = new();

    public static TheoryData<string?> Texts =>
        ["wf-7", "42", "", " ", "with \"quotes\"", "back\\slash", "tab\there", "ünïcödé 日本 🚀", "2024-01-01T00:00:00", "null", null];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_parameter_reads_as_Hangfire_reads_it(string? value)
    {
        var context = Perform(new Dictionary<string, string> { ["p"] = SerializationHelper.Serialize(value, SerializationOption.User) });

        Assert.Equal(context.GetJobParameter<string?>("p", allowStale: true), StoredParameter.Text(context, "p"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_number_parameter_reads_as_Hangfire_reads_it(int value)
    {
        var context = Perform(new Dictionary<string, string> { ["n"] = SerializationHelper.Serialize(value, SerializationOption.User) });

        Assert.Equal(value, StoredParameter.Number(context, "n"));
    }

    [Fact]
    public void A_missing_parameter_reads_as_null_and_zero()
    {
        var context = Perform(new Dictionary<string, string>());

        Assert.Null(StoredParameter.Text(context, "p"));
        Assert.Equal(0, StoredParameter.Number(context, "n"));
    }

    public void Dispose() => _storage.Dispose();

    private PerformContext Perform(Dictionary<string, string> snapshot)
    {
        var job = new BackgroundJob("1", Job.FromExpression(() => System.Console.WriteLine()), DateTime.UtcNow, snapshot);
        return new PerformContext(_storage, _storage.GetConnection(), job, new JobCancellationToken(false));
    }
}
