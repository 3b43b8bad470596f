namespace Fifo.Embedded.Http;

/// <summary>The header a format writes at the top of its output, which chDB repeats at the top of every chunk.</summary>
internal enum ChunkHeader
{
    None,
    OneLine,
    TwoLines,
    BinaryNames,
    BinaryNamesAndTypes,
}
