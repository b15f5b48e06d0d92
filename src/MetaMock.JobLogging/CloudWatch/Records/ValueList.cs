namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A run of encoded values in a record, read one at a time.</summary>
internal ref struct ValueList
{
    private SpanReader _reader;

    public ValueList(ReadOnlySpan<byte> encoded, int count)
    {
        _reader = new SpanReader(encoded);
        Count = count;
    }

    public int Count { get; }

    public bool TryRead(out RecordValue value)
    {
        if (_reader.AtEnd)
        {
            value = default;
            return false;
        }

        value = ValueCodec.Read(ref _reader);
        return true;
    }
}
