namespace MetaMock.JobLogging.CloudWatch;

/// <summary>Lower-case hex of a hash (SigV4 and stream-name suffixes need lower case); .NET 8 has only the upper-case form.</summary>
internal static class LowerHex
{
    public static string Of(ReadOnlySpan<byte> bytes) =>
#if NET9_0_OR_GREATER
        Convert.ToHexStringLower(bytes);
#else
        Convert.ToHexString(bytes).ToLowerInvariant();
#endif
}
