using System.Buffers;
using System.Text;

namespace Fifo.ClickHouse.Import;

/// <summary>
/// Streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside doubled), records
/// end at LF or CRLF outside quotes. Holds one record in memory, so file size does not matter. Scans with vectorized
/// searches: reading the file is most of an import's client-side cost.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n\"");

    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder field = new();
    private int position;
    private int length;
    private long nextLine = 1;

    /// <summary>1-based line on which the record last returned by <see cref="ReadRecord"/> starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or a quote is misplaced.</exception>
    public bool ReadRecord(List<string> fields)
    {
        fields.Clear();
        if (!EnsureData())
            return false;

        LineNumber = nextLine;
        while (true)
        {
            fields.Add(ReadField(out var endOfRecord));
            if (endOfRecord)
                return true;
        }
    }

    private string ReadField(out bool endOfRecord)
    {
        field.Clear();
        var quoted = EnsureData() && buffer[position] == '"';
        if (quoted)
        {
            position++;
            ReadQuoted();
        }

        while (true)
        {
            if (!EnsureData())
            {
                endOfRecord = true;
                return field.ToString();
            }
            var rest = buffer.AsSpan(position, length - position);
            var end = rest.IndexOfAny(FieldEnds);
            if (end < 0)
            {
                if (quoted)
                    throw new FormatException("text after the closing double quote of a quoted field");
                field.Append(rest);
                position = length;
                continue;
            }
            if (end > 0 && quoted)
                throw new FormatException("text after the closing double quote of a quoted field");
            var separator = rest[end];
            if (separator == '"')
                throw new FormatException(quoted
                    ? "text after the closing double quote of a quoted field"
                    : "a double quote inside an unquoted field (quote the whole field and double the quote)");

            // The common case, a whole field inside the buffer, becomes a string without the builder.
            var value = field.Length == 0 ? new string(rest[..end]) : field.Append(rest[..end]).ToString();
            position += end + 1;
            if (separator == ',')
            {
                endOfRecord = false;
                return value;
            }
            if (separator == '\r' && EnsureData() && buffer[position] == '\n')
                position++;
            nextLine++;
            endOfRecord = true;
            return value;
        }
    }

    private void ReadQuoted()
    {
        while (true)
        {
            if (!EnsureData())
                throw new FormatException("a quoted field is not closed before the end of the file");
            var rest = buffer.AsSpan(position, length - position);
            var end = rest.IndexOf('"');
            var content = end < 0 ? rest : rest[..end];
            nextLine += content.Count('\n');
            field.Append(content);
            if (end < 0)
            {
                position = length;
                continue;
            }

            position += end + 1; // past the quote
            if (EnsureData() && buffer[position] == '"')
            {
                field.Append('"');
                position++;
                continue;
            }
            return;
        }
    }

    private bool EnsureData()
    {
        if (position < length)
            return true;
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}
