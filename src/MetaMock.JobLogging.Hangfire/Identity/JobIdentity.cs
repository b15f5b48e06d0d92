namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>The context one attempt of a job runs with, and which attempt it is (1 for the first run).</summary>
internal readonly record struct JobIdentity(UserContext? User, JobContext Job, int Attempt);
