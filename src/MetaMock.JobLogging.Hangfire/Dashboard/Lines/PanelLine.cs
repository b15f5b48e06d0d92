namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>One line as the panel gets it: time (Unix ms), the stored text, and the level, task and run read from it.</summary>
internal readonly record struct PanelLine(long Timestamp, string Text, string? Level, string? Task, string? Run);
