namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>The <c>{}</c> that Create*/PutRetentionPolicy return.</summary>
internal sealed record EmptyResponse;
