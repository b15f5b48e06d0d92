namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// A Hangfire job as the panel needs it: its MetaMock job id (whose stream holds its lines), the run id of its latest
/// attempt, and whether lines may still arrive (not in a resting state, or its last state change was recent).
/// </summary>
internal sealed record JobView(string HangfireId, string JobId, string CurrentRun, bool Live);
