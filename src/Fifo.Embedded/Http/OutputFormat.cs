namespace Fifo.Embedded.Http;

/// <summary>
/// What the endpoint must know about an output format: its Content-Type, whether chDB's chunked output of it can be
/// concatenated (row formats; a JSON document or Parquet file cannot), and which header chDB repeats per chunk.
/// </summary>
internal sealed record OutputFormat(string Name, string ContentType, bool Streamable, ChunkHeader Header)
{
    private const string TabSeparatedType = "text/tab-separated-values; charset=UTF-8";
    private const string CsvType = "text/csv; charset=UTF-8";
    private const string JsonType = "application/json; charset=UTF-8";
    private const string BinaryType = "application/octet-stream";
    private const string TextType = "text/plain; charset=UTF-8";

    private static readonly Dictionary<string, (string ContentType, ChunkHeader Header)> StreamableFormats =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["TabSeparated"] = (TabSeparatedType, ChunkHeader.None),
            ["TSV"] = (TabSeparatedType, ChunkHeader.None),
            ["TabSeparatedRaw"] = (TabSeparatedType, ChunkHeader.None),
            ["TSVRaw"] = (TabSeparatedType, ChunkHeader.None),
            ["Raw"] = (TabSeparatedType, ChunkHeader.None),
            ["TabSeparatedWithNames"] = (TabSeparatedType, ChunkHeader.OneLine),
            ["TSVWithNames"] = (TabSeparatedType, ChunkHeader.OneLine),
            ["TabSeparatedRawWithNames"] = (TabSeparatedType, ChunkHeader.OneLine),
            ["TSVRawWithNames"] = (TabSeparatedType, ChunkHeader.OneLine),
            ["TabSeparatedWithNamesAndTypes"] = (TabSeparatedType, ChunkHeader.TwoLines),
            ["TSVWithNamesAndTypes"] = (TabSeparatedType, ChunkHeader.TwoLines),
            ["TabSeparatedRawWithNamesAndTypes"] = (TabSeparatedType, ChunkHeader.TwoLines),
            ["TSVRawWithNamesAndTypes"] = (TabSeparatedType, ChunkHeader.TwoLines),
            ["CSV"] = (CsvType, ChunkHeader.None),
            ["CSVWithNames"] = (CsvType, ChunkHeader.OneLine),
            ["CSVWithNamesAndTypes"] = (CsvType, ChunkHeader.TwoLines),
            ["JSONEachRow"] = (JsonType, ChunkHeader.None),
            ["JSONLines"] = (JsonType, ChunkHeader.None),
            ["NDJSON"] = (JsonType, ChunkHeader.None),
            ["JSONStringsEachRow"] = (JsonType, ChunkHeader.None),
            ["JSONCompactEachRow"] = (JsonType, ChunkHeader.None),
            ["JSONCompactStringsEachRow"] = (JsonType, ChunkHeader.None),
            ["JSONCompactEachRowWithNames"] = (JsonType, ChunkHeader.OneLine),
            ["JSONCompactEachRowWithNamesAndTypes"] = (JsonType, ChunkHeader.TwoLines),
            ["JSONCompactStringsEachRowWithNames"] = (JsonType, ChunkHeader.OneLine),
            ["JSONCompactStringsEachRowWithNamesAndTypes"] = (JsonType, ChunkHeader.TwoLines),
            ["RowBinary"] = (BinaryType, ChunkHeader.None),
            ["RowBinaryWithNames"] = (BinaryType, ChunkHeader.BinaryNames),
            ["RowBinaryWithNamesAndTypes"] = (BinaryType, ChunkHeader.BinaryNamesAndTypes),
            ["Native"] = (BinaryType, ChunkHeader.None),
        };

    public static OutputFormat Of(string name)
    {
        if (StreamableFormats.TryGetValue(name, out var known))
            return new OutputFormat(name, known.ContentType, Streamable: true, known.Header);
        var contentType =
            name.StartsWith("JSON", StringComparison.OrdinalIgnoreCase) ? JsonType
            : name.StartsWith("Pretty", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Vertical", StringComparison.OrdinalIgnoreCase)
              || name.StartsWith("Markdown", StringComparison.OrdinalIgnoreCase) || name.StartsWith("XML", StringComparison.OrdinalIgnoreCase)
              || name.StartsWith("Values", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Template", StringComparison.OrdinalIgnoreCase)
              || name.StartsWith("CustomSeparated", StringComparison.OrdinalIgnoreCase)
                ? TextType
            : BinaryType;
        return new OutputFormat(name, contentType, Streamable: false, ChunkHeader.None);
    }
}
