namespace Fifo.Embedded.Http;

/// <summary>Reads some bytes already taken from a stream, then the rest of the stream. Does not own the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> remaining = prefix;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (remaining.IsEmpty)
            return rest.Read(buffer);
        var n = Math.Min(buffer.Length, remaining.Length);
        remaining.Span[..n].CopyTo(buffer);
        remaining = remaining[n..];
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remaining.IsEmpty)
            return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var n = Math.Min(buffer.Length, remaining.Length);
        remaining.Span[..n].CopyTo(buffer.Span);
        remaining = remaining[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
