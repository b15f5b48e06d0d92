namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// The value types whose text cannot change after the log call (no mutable state, invariant-culture formatting), so a
/// message made of them may be formatted later by the sender (see <see cref="DeferredMessage"/>).
/// </summary>
internal static class ImmutableValues
{
    /// <summary>What a non-string value is counted as against the buffer's byte limit, in characters.</summary>
    public const int EstimatedChars = 24;

    /// <summary>Whether this value (null included) formats the same now and later.</summary>
    public static bool Holds(object? value) => value is null or string || IsImmutableType(value.GetType());

    /// <summary>Whether every value of this type formats the same now and later.</summary>
    public static bool IsImmutableType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive
            || underlying.IsEnum
            || underlying == typeof(string)
            || underlying == typeof(decimal)
            || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(TimeSpan)
            || underlying == typeof(DateOnly)
            || underlying == typeof(TimeOnly)
            || underlying == typeof(Guid);
    }
}
