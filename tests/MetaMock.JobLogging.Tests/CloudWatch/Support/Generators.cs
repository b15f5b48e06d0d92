using CsCheck;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Random text that exercises UTF-8: ASCII, two-byte letters, CJK (three bytes) and emoji (four bytes, surrogate pairs).</summary>
public static class Generators
{
    public static readonly Gen<string> CodePoint = Gen.OneOf(
        Gen.Int[0x20, 0x7E], Gen.Int[0xA0, 0x7FF], Gen.Int[0x4E00, 0x9FFF], Gen.Int[0x1F300, 0x1FAFF]).Select(char.ConvertFromUtf32);

    public static Gen<string> Text(int maxCodePoints) => CodePoint.Array[0, maxCodePoints].Select(string.Concat);
}
