namespace MetaMock.JobLogging.CloudWatch.Wire.Reading;

/// <summary>Where a read begins: the head, a time, the latest N events, or a forward token from an earlier page.</summary>
internal readonly record struct ReadStart(string? Token, long? StartTime, int? Latest)
{
    public static ReadStart Head => default;

    public static ReadStart After(string? token) => new(token, null, null);

    public static ReadStart Since(DateTimeOffset time) => new(null, time.ToUnixTimeMilliseconds(), null);

    public static ReadStart LatestEvents(int count) => new(null, null, count);

    public GetLogEventsRequest Request(StreamAddress address, int? limit) => Token is not null
        ? new GetLogEventsRequest(address.Group, address.Stream, true, Token, limit)
        : Latest is { } latest
            ? new GetLogEventsRequest(address.Group, address.Stream, false, null, latest)
            : new GetLogEventsRequest(address.Group, address.Stream, true, null, limit, StartTime);
}
