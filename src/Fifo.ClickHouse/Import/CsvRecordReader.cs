using System.Text;

namespace Fifo.ClickHouse.Import;

/// <summary>
/// Streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside doubled), records
/// end at LF or CRLF outside quotes. Holds one record in memory, so file size does not matter.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder field = new();
    private int position;
    private int length;
    private long nextLine = 1;

    /// <summary>1-based line on which the record last returned by <see cref="ReadRecord"/> starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or a closing quote is followed by text.</exception>
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
            var start = position;
            while (position < length)
            {
                var c = buffer[position];
                if (c is ',' or '\n' or '\r')
                    break;
                if (quoted)
                    throw new FormatException("text after the closing double quote of a quoted field");
                if (c == '"')
                    throw new FormatException("a double quote inside an unquoted field (quote the whole field and double the quote)");
                position++;
            }
            field.Append(buffer, start, position - start);
            if (position == length)
                continue;

            var separator = buffer[position++];
            if (separator == ',')
            {
                endOfRecord = false;
                return field.ToString();
            }
            if (separator == '\r' && EnsureData() && buffer[position] == '\n')
                position++;
            nextLine++;
            endOfRecord = true;
            return field.ToString();
        }
    }

    private void ReadQuoted()
    {
        while (true)
        {
            if (!EnsureData())
                throw new FormatException("a quoted field is not closed before the end of the file");
            var start = position;
            while (position < length && buffer[position] != '"')
            {
                if (buffer[position] == '\n')
                    nextLine++;
                position++;
            }
            field.Append(buffer, start, position - start);
            if (position == length)
                continue;

            position++; // the quote
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
