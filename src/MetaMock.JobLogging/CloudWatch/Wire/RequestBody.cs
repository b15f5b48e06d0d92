using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// A serialized request in a pooled buffer, with its SHA-256 computed once. A PutLogEvents body is up to ~1.5 MB:
/// serializing into a rented array instead of a fresh one keeps each call off the large-object heap, and sending the
/// hash as <c>x-amz-content-sha256</c> lets the signing handler sign without reading and copying the body again.
/// </summary>
internal sealed class RequestBody : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _length;

    private RequestBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    /// <summary>Lower-case hex SHA-256 of the body, as SigV4's <c>x-amz-content-sha256</c> header wants it.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public static RequestBody Serialize<T>(T request, JsonTypeInfo<T> type) =>
        Write(16 * 1024, (Request: request, Type: type), static (body, state) =>
        {
            using var writer = new Utf8JsonWriter(body);
            JsonSerializer.Serialize(writer, state.Request, state.Type);
        });

    /// <summary>A body written by <paramref name="write"/> into a buffer of about <paramref name="capacity"/> bytes, then hashed.</summary>
    public static RequestBody Write<TState>(int capacity, TState state, Action<IBufferWriter<byte>, TState> write)
    {
        var body = new RequestBody(capacity);
        write(body, state);
        body.Sha256 = LowerHex.Of(SHA256.HashData(body.Memory.Span));
        return body;
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_length);
    }

    /// <summary>Returns the buffer to the pool. Only once the transport is surely done with it (see the caller).</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        if (_buffer.Length - _length >= Math.Max(sizeHint, 1))
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + sizeHint));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
