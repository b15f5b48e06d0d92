namespace MetaMock.JobLogging.Cli.Reading;

/// <summary>What <c>tail</c> was asked for.</summary>
internal sealed record TailRequest(string JobId, bool Follow, string? RunId, TimeSpan? Since, bool Json, string? Group);
