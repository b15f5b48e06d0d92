namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// The value types whose text cannot change after the log call (no mutable state, invariant-culture formatting), so a
/// message made of them may be formatted later by the sender (see <see cref="DeferredMessage"/>).
/// </summary>
internal static class ImmutableValues
{
    /// <summary>Whether this value (null included) formats the same now and later.</summary>
    /// <remarks>The common types are told by a type test; a boxed value's type is never a nullable one.</remarks>
    public static bool Holds(object? value) =>
        value is null or string or int or long or bool or double or decimal or DateTime or DateTimeOffset or Guid or TimeSpan
        || IsImmutableType(value.GetType());

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
