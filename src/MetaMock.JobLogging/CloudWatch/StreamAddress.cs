namespace MetaMock.JobLogging.CloudWatch;

/// <summary>Where an event goes: a log group and a stream in it.</summary>
internal readonly record struct StreamAddress(string Group, string Stream);
