using System.Diagnostics;
using System.Text;
using Fifo.ClickHouse.Connection;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Export;

/// <summary>
/// Writes every column of the deduplicated lots view (or another configured table) as CSV with a header row,
/// streaming row by row; see <see cref="CsvValueFormatter"/> for how values are written.
/// </summary>
public sealed class LotsCsvExporter(ClickHouseConnectionFactory connections, IOptions<TableNames> tables, ILogger<LotsCsvExporter> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Exports to <paramref name="path"/> through a temporary file beside it, so a failed export never leaves a
    /// truncated file under the requested name. <paramref name="source"/> defaults to <see cref="TableNames.LotsDeduped"/>.
    /// </summary>
    public async Task<ExportResult> ExportFileAsync(
        string path, string? source = null, IProgress<long>? rowsWritten = null, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".partial";
        try
        {
            ExportResult result;
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
                result = await ExportAsync(writer, source, rowsWritten, cancellationToken);
            File.Move(temporary, fullPath, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<ExportResult> ExportAsync(
        TextWriter writer, string? source = null, IProgress<long>? rowsWritten = null, CancellationToken cancellationToken = default)
    {
        source ??= tables.Value.LotsDeduped;
        if (!TableNames.IdentifierPattern().IsMatch(source))
            throw new ArgumentException($"'{source}' is not a table name.", nameof(source));

        var stopwatch = Stopwatch.StartNew();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT * FROM {source}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        await writer.WriteLineAsync(string.Join(',', columns.Select(CsvValueFormatter.Quote)));

        long rows = 0;
        var lastReport = TimeSpan.Zero;
        var line = new StringBuilder();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            line.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                    line.Append(',');
                line.Append(CsvValueFormatter.Format(values[i]));
            }
            await writer.WriteLineAsync(line, cancellationToken);
            rows++;
            if (rowsWritten is not null && (rows & 0xFFF) == 0 && stopwatch.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = stopwatch.Elapsed;
                rowsWritten.Report(rows);
            }
        }
        await writer.FlushAsync(cancellationToken);
        rowsWritten?.Report(rows);

        logger.LogInformation("Exported {Rows} rows of {Source} in {ElapsedMs} ms", rows, source, (long)stopwatch.Elapsed.TotalMilliseconds);
        return new ExportResult(source, columns, rows, stopwatch.Elapsed);
    }
}
