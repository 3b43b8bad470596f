using System.IO.Compression;

namespace Fifo.Embedded.Http;

/// <summary>
/// Content-Encoding: deflate means zlib by the RFC, but ClickHouse.Driver sends raw deflate; tell them apart by the
/// zlib header (CMF byte 0x?8 with a checksum that divides by 31).
/// </summary>
internal sealed class ZLibOrRawDeflateStream(Stream inner) : Stream
{
    private Stream? decoder;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        decoder ??= await CreateDecoderAsync(cancellationToken).ConfigureAwait(false);
        return await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private async Task<Stream> CreateDecoderAsync(CancellationToken cancellationToken)
    {
        var head = new byte[2];
        var read = 0;
        while (read < 2)
        {
            var n = await inner.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                break;
            read += n;
        }
        var isZlib = read == 2 && (head[0] & 0x0F) == 8 && (head[0] << 8 | head[1]) % 31 == 0;
        var source = new PrefixedStream(head.AsMemory(0, read), inner);
        return isZlib
            ? new ZLibStream(source, CompressionMode.Decompress)
            : new DeflateStream(source, CompressionMode.Decompress);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            decoder?.Dispose();
        base.Dispose(disposing);
    }
}
