namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A run of key/value pairs in a record (UTF-8 key, encoded value), read one at a time.</summary>
internal ref struct PropertyList
{
    private SpanReader _reader;

    public PropertyList(ReadOnlySpan<byte> encoded, int count)
    {
        _reader = new SpanReader(encoded);
        Count = count;
    }

    public int Count { get; }

    public bool TryRead(out ReadOnlySpan<byte> key, out RecordValue value)
    {
        if (_reader.AtEnd)
        {
            key = default;
            value = default;
            return false;
        }

        key = _reader.ReadUtf8();
        value = ValueCodec.Read(ref _reader);
        return true;
    }

    /// <summary>Skips <paramref name="count"/> pairs, returning the bytes they take (used while parsing a record).</summary>
    public static ReadOnlySpan<byte> Skip(scoped ref SpanReader reader, int count)
    {
        var start = reader.Position;
        for (var i = 0; i < count; i++)
        {
            reader.ReadUtf8();
            ValueCodec.Read(ref reader);
        }

        return reader.Since(start);
    }
}
