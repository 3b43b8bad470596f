namespace Fifo.Embedded.Http;

/// <summary>
/// chDB formats every chunk of a streamed answer on its own, so a format with a header (names, types) repeats it at
/// the top of each chunk. Keeps the first chunk whole and drops that exact header from the later ones.
/// </summary>
internal sealed class ChunkHeaderStripper(ChunkHeader header)
{
    private byte[]? firstHeader;

    /// <summary>The part of <paramref name="chunk"/> to send on.</summary>
    public ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> chunk)
    {
        if (header == ChunkHeader.None)
            return chunk;
        if (firstHeader is null)
        {
            firstHeader = chunk[..HeaderLength(chunk)].ToArray();
            return chunk;
        }
        return chunk.StartsWith(firstHeader) ? chunk[firstHeader.Length..] : chunk;
    }

    private int HeaderLength(ReadOnlySpan<byte> chunk)
    {
        switch (header)
        {
            case ChunkHeader.OneLine:
                return LinesLength(chunk, 1);
            case ChunkHeader.TwoLines:
                return LinesLength(chunk, 2);
            case ChunkHeader.BinaryNames:
            case ChunkHeader.BinaryNamesAndTypes:
                var position = 0;
                var columns = ReadVarUInt(chunk, ref position);
                var strings = header == ChunkHeader.BinaryNames ? columns : columns * 2;
                for (ulong i = 0; i < strings && position <= chunk.Length; i++)
                {
                    var length = ReadVarUInt(chunk, ref position);
                    position += (int)Math.Min(length, int.MaxValue);
                }
                return Math.Min(position, chunk.Length);
            default:
                return 0;
        }
    }

    private static int LinesLength(ReadOnlySpan<byte> chunk, int lines)
    {
        var position = 0;
        for (var i = 0; i < lines; i++)
        {
            var newline = chunk[position..].IndexOf((byte)'\n');
            if (newline < 0)
                return chunk.Length;
            position += newline + 1;
        }
        return position;
    }

    private static ulong ReadVarUInt(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                break;
        }
        return value;
    }
}
