using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace Fifo.Embedded.Http;

/// <summary>
/// Writes the LZ4 frame format (Content-Encoding: lz4) with independent 64 KiB blocks. Unlike a buffering encoder,
/// <see cref="Flush"/> emits the pending bytes as a block at once: an error written into a started answer must reach
/// the client before the connection is cut.
/// </summary>
internal sealed class Lz4FrameWriteStream : Stream
{
    private const int BlockSize = 64 * 1024;
    private const uint UncompressedFlag = 0x8000_0000;

    // Magic 0x184D2204; FLG 0x60 = version 01 + independent blocks, no checksums, no content size;
    // BD 0x40 = 64 KiB maximum block; 0x82 = second byte of xxHash32(FLG, BD).
    private static readonly byte[] FrameHeader = [0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0x82];

    private readonly Stream inner;
    private readonly byte[] pending = ArrayPool<byte>.Shared.Rent(BlockSize);
    private readonly byte[] encoded = ArrayPool<byte>.Shared.Rent(4 + LZ4Codec.MaximumOutputSize(BlockSize));
    private int pendingLength;
    private bool headerWritten;
    private bool disposed;

    public Lz4FrameWriteStream(Stream inner)
    {
        this.inner = inner;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var n = Math.Min(buffer.Length, BlockSize - pendingLength);
            buffer[..n].CopyTo(pending.AsSpan(pendingLength));
            pendingLength += n;
            buffer = buffer[n..];
            if (pendingLength == BlockSize)
                inner.Write(EncodePending());
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var n = Math.Min(buffer.Length, BlockSize - pendingLength);
            buffer.Span[..n].CopyTo(pending.AsSpan(pendingLength));
            pendingLength += n;
            buffer = buffer[n..];
            if (pendingLength == BlockSize)
                await inner.WriteAsync(EncodePendingMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        if (pendingLength > 0 || !headerWritten)
            inner.Write(EncodePending());
        inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pendingLength > 0 || !headerWritten)
            await inner.WriteAsync(EncodePendingMemory(), cancellationToken).ConfigureAwait(false);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the frame: the last block and the end mark.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            await inner.WriteAsync(EncodePendingMemory(), CancellationToken.None).ConfigureAwait(false);
            await inner.WriteAsync(new byte[4], CancellationToken.None).ConfigureAwait(false);
            Release();
        }
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            inner.Write(EncodePending());
            inner.Write(stackalloc byte[4]);
            Release();
        }
        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> EncodePendingMemory()
    {
        var length = EncodePending().Length;
        return encoded.AsMemory(0, length);
    }

    /// <summary>The frame header when not yet written, then the pending bytes as one block (compressed when that helps).</summary>
    private ReadOnlySpan<byte> EncodePending()
    {
        var position = 0;
        if (!headerWritten)
        {
            FrameHeader.CopyTo(encoded, 0);
            position = FrameHeader.Length;
            headerWritten = true;
        }
        if (pendingLength == 0)
            return encoded.AsSpan(0, position);

        var source = pending.AsSpan(0, pendingLength);
        var target = encoded.AsSpan(position + 4);
        var compressed = LZ4Codec.Encode(source, target, LZ4Level.L00_FAST);
        if (compressed > 0 && compressed < pendingLength)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(position), (uint)compressed);
            position += 4 + compressed;
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(position), (uint)pendingLength | UncompressedFlag);
            source.CopyTo(target);
            position += 4 + pendingLength;
        }
        pendingLength = 0;
        return encoded.AsSpan(0, position);
    }

    private void Release()
    {
        disposed = true;
        ArrayPool<byte>.Shared.Return(pending);
        ArrayPool<byte>.Shared.Return(encoded);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
