using System.Buffers;
using Fifo.Embedded.Engine;
using Fifo.Embedded.Sql;

namespace Fifo.Embedded.Http;

/// <summary>
/// The statement of a request: the query parameter, then (joined by a newline) the body. An INSERT that carries its
/// rows (FORMAT name / VALUES) is split where the rows start, and the rows stay in the body stream so a 1 GB insert
/// never sits in memory; any other statement is read whole.
/// </summary>
internal sealed class StatementSource
{
    /// <summary>ClickHouse's default max_query_size is 256 KiB; an INSERT's head beyond 1 MiB is not an INSERT head.</summary>
    private const int InsertHeadLimit = 1 << 20;
    private const int MaxStatementBytes = 256 << 20;

    private StatementSource(byte[] text, InsertDataSplit split, Stream? rows)
    {
        Text = text;
        Split = split;
        Rows = rows;
    }

    /// <summary>Everything read: the whole statement, or an INSERT's head plus the first rows.</summary>
    public ReadOnlyMemory<byte> Text { get; }

    public InsertDataSplit Split { get; }

    /// <summary>The rest of the body after <see cref="Text"/>, when <see cref="Split"/> found inline rows.</summary>
    public Stream? Rows { get; }

    public bool IsInsertWithRows => Split.Kind == InsertDataSplitKind.Found;

    public ReadOnlyMemory<byte> InsertStatement => Text[..Split.PrefixEnd];

    public ReadOnlyMemory<byte> FirstRows => Text[Split.DataStart..];

    public static async Task<StatementSource> ReadAsync(string? queryParameter, Stream? body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        if (queryParameter is not null)
        {
            buffer.Write(System.Text.Encoding.UTF8.GetBytes(queryParameter));
            if (body is not null)
                buffer.Write("\n"u8);
        }
        if (body is null)
            return Whole(buffer);

        var endOfBody = false;
        var scanForInsert = true;
        while (!endOfBody)
        {
            var memory = buffer.GetMemory(64 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                endOfBody = true;
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxStatementBytes)
                throw new ChdbQueryException(ErrorCodes.Format(ErrorCodes.QueryIsTooLarge, "QUERY_IS_TOO_LARGE",
                    $"The statement is larger than {MaxStatementBytes} bytes"));

            if (!scanForInsert)
                continue;
            var split = StatementText.FindInsertData(buffer.WrittenSpan, complete: endOfBody);
            switch (split.Kind)
            {
                case InsertDataSplitKind.Found:
                    return new StatementSource(buffer.WrittenMemory.ToArray(), split, endOfBody ? Stream.Null : body);
                case InsertDataSplitKind.NoInlineData:
                    scanForInsert = false;
                    break;
                case InsertDataSplitKind.NeedMoreText when buffer.WrittenCount > InsertHeadLimit:
                    scanForInsert = false;
                    break;
            }
        }
        return Whole(buffer);
    }

    private static StatementSource Whole(ArrayBufferWriter<byte> buffer) =>
        new(buffer.WrittenMemory.ToArray(), InsertDataSplit.None, null);
}
