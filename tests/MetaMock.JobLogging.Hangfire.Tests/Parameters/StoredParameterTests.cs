using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Tests.Support;

namespace MetaMock.JobLogging.Hangfire.Tests.Parameters;

/// <summary>The snapshot reader's shortcut must give exactly what Hangfire's own <c>GetJobParameter</c> gives.</summary>
public sealed class StoredParameterTests : IDisposable
{
    private readonly SnapshotPerform _perform = new();

    public static TheoryData<string?> Texts =>
        ["wf-7", "42", "", " ", "with \"quotes\"", "back\\slash", "tab\there", "ünïcödé 日本 🚀", "2024-01-01T00:00:00", "null", null];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_parameter_reads_as_Hangfire_reads_it(string? value)
    {
        var context = _perform.WithStored("p", value);

        Assert.Equal(context.GetJobParameter<string?>("p", allowStale: true), StoredParameter.Text(context, "p"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_number_parameter_reads_as_Hangfire_reads_it(int value)
    {
        var context = _perform.WithStored("n", value);

        Assert.Equal(value, StoredParameter.Number(context, "n"));
    }

    [Fact]
    public void A_missing_parameter_reads_as_null_and_zero()
    {
        var context = _perform.With([]);

        Assert.Null(StoredParameter.Text(context, "p"));
        Assert.Equal(0, StoredParameter.Number(context, "n"));
    }

    public void Dispose() => _perform.Dispose();
}
