using MetaMock.JobLogging.CloudWatch.Records;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class Crc32CTests
{
    [Fact]
    public void The_check_value_of_the_standard_test_string_is_the_published_one()
    {
        // RFC 3720 (iSCSI), appendix B.4: CRC-32C of "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Hash("123456789"u8));
        Assert.Equal(0xE3069283u, Crc32C.HashInSoftware("123456789"u8));
    }

    [Fact]
    public void The_machines_instructions_and_the_table_agree_on_every_length_and_alignment()
    {
        var random = new Random(20261207);
        var buffer = new byte[300];
        random.NextBytes(buffer);
        for (var start = 0; start < 8; start++)
        {
            for (var length = 0; length <= 100; length++)
            {
                var data = buffer.AsSpan(start, length);
                Assert.Equal(Crc32C.HashInSoftware(data), Crc32C.Hash(data));
            }
        }
    }

    [Fact]
    public void A_flipped_bit_changes_the_frame_checksum()
    {
        var body = "a record body of forty bytes, more or so"u8.ToArray();
        var before = RecordFrame.Checksum(body);
        body[17] ^= 0x10;

        Assert.NotEqual(before, RecordFrame.Checksum(body));
    }
}
