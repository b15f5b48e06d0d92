namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>Which lines the browser asks for: from the start, the latest ones, or after a token it was given.</summary>
internal readonly record struct LinesRequest(LinesFrom From, string? Token);

/// <summary>Where an answer starts.</summary>
internal enum LinesFrom
{
    Head,
    Latest,
    Token,
}
