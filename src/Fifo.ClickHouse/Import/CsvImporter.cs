using System.Diagnostics;
using System.Text;
using ClickHouse.Driver;
using ClickHouseConnection = ClickHouse.Driver.ADO.ClickHouseConnection;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Import;

/// <summary>
/// Imports a CSV file (header row with the spec's column names) into the fills or resolutions table, all or nothing:
/// rows are checked while they stream into a private staging table, and only a file without a single bad row is moved
/// into the target, in a step the target sees whole (<see cref="ImportCommit"/>). Memory stays flat whatever the file size.
/// </summary>
public sealed class CsvImporter(
    ClickHouseConnectionFactory connections,
    SourceTableVerifier verifier,
    IOptions<TableNames> tables,
    ILogger<CsvImporter> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private const int ParallelBatches = 2;

    /// <exception cref="CsvImportException">Bad input: the message names the file, line and column.</exception>
    /// <exception cref="SchemaMismatchException">The target table is missing or lacks columns.</exception>
    public async Task<ImportResult> ImportFileAsync(
        ImportTarget target, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CsvImportException(path, null, null, e.Message);
        }
        await using (stream)
            return await ImportAsync(target, stream, path, progress, cancellationToken);
    }

    /// <summary>
    /// Imports from a stream that supports synchronous reads (e.g. a FileStream; save a browser upload to a temporary
    /// file first). <paramref name="fileName"/> is only used in messages.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        ImportTarget target, Stream stream, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var layout = CsvImportLayouts.For(target);
        var table = target == ImportTarget.Fills ? tables.Value.Fills : tables.Value.Resolutions;
        var writtenColumns = await ColumnsToWriteAsync(table, layout, cancellationToken);

        var counting = new CountingReadStream(stream);
        long? totalBytes = stream.CanSeek ? stream.Length : null;
        using var text = new StreamReader(counting, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvRecordReader(text);
        var fileColumns = ReadHeader(csv, layout, fileName);

        var staging = $"{ImportTables.TablePrefix}staging_{Guid.NewGuid():N}";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await ImportTables.DropOrphansAsync(connection, connections.Database, logger, cancellationToken);
        using var stagingInUse = await ImportTables.CreateAsync(connection, staging, StagingTableDefinition(layout), cancellationToken);
        var commit = new ImportCommit(connection, logger);
        try
        {
            logger.LogInformation("Importing {File} into {Table} via {Staging}", fileName, table, staging);
            var rows = new RowSource(csv, layout, fileColumns, fileName, counting, totalBytes, progress, stopwatch);
            var client = await connections.GetClientAsync(cancellationToken);
            await client.InsertBinaryAsync(staging, layout.Select(c => c.Name), rows.Read(), InsertOptionsFor(layout), cancellationToken);

            progress?.Report(new ImportProgress(ImportPhase.Committing, rows.Count, counting.BytesRead, totalBytes, stopwatch.Elapsed));
            await commit.CommitAsync(table, staging, writtenColumns, cancellationToken);

            var result = new ImportResult(target, table, rows.Count, stopwatch.Elapsed);
            progress?.Report(new ImportProgress(ImportPhase.Done, rows.Count, counting.BytesRead, totalBytes, stopwatch.Elapsed));
            logger.LogInformation("Imported {Rows} rows from {File} into {Table} in {ElapsedMs} ms ({RowsPerSecond:F0} rows/s)",
                result.Rows, fileName, table, (long)result.Elapsed.TotalMilliseconds, result.RowsPerSecond);
            return result;
        }
        finally
        {
            // Also after a bad row or a cancel: the staging table is this import's only trace.
            await ImportTables.DropQuietlyAsync(connection, staging, logger);
        }
    }

    private async Task<IReadOnlyList<string>> ColumnsToWriteAsync(string table, IReadOnlyList<CsvColumn> layout, CancellationToken cancellationToken)
    {
        var existing = await verifier.GetColumnsAsync(table, cancellationToken);
        if (existing.Count == 0)
            throw new SchemaMismatchException($"Table {connections.Database}.{table} does not exist; run the migrations first.");
        var missing = layout.Where(c => !existing.Contains(c.Name)).Select(c => c.Name).ToList();
        return missing.Count == 0
            ? layout.Select(c => c.Name).ToList()
            : throw new SchemaMismatchException($"Table {connections.Database}.{table} lacks column(s) {string.Join(", ", missing)}.");
    }

    /// <summary>For each file column, its index in <paramref name="layout"/>.</summary>
    private static int[] ReadHeader(CsvRecordReader csv, IReadOnlyList<CsvColumn> layout, string fileName)
    {
        var header = new List<string>();
        bool found;
        try
        {
            found = csv.ReadRecord(header);
        }
        catch (FormatException e)
        {
            throw new CsvImportException(fileName, 1, null, $"bad header row: {e.Message}");
        }
        if (!found)
            throw new CsvImportException(fileName, null, null,
                $"the file is empty; expected a header row with the columns {string.Join(",", layout.Select(c => c.Name))}");

        var indexes = new int[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            indexes[i] = layout.ToList().FindIndex(c => c.Name == name);
            if (indexes[i] < 0)
                throw new CsvImportException(fileName, 1, name,
                    $"unknown column; the columns are {string.Join(", ", layout.Select(c => c.Name))}");
            if (Array.IndexOf(indexes, indexes[i], 0, i) >= 0)
                throw new CsvImportException(fileName, 1, name, "the column appears twice in the header");
        }
        var missing = layout.Where((c, index) => c.Required && !indexes.Contains(index)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new CsvImportException(fileName, 1, null, $"missing required column(s) {string.Join(", ", missing)}");
        return indexes;
    }

    private InsertOptions InsertOptionsFor(IReadOnlyList<CsvColumn> layout)
    {
        // Known types skip the driver's schema probe. Two batches in flight: while one is serialized and sent,
        // the next is parsed from the file (the batches go to the staging table, so their order does not matter).
        var types = layout.ToDictionary(c => c.Name, c => c.ClickHouseType);
        // Loopback to the embedded engine: compressing the body costs more CPU than it saves.
        return connections.IsEmbedded
            ? new InsertOptions { ColumnTypes = types, MaxDegreeOfParallelism = ParallelBatches, Compressor = null }
            : new InsertOptions { ColumnTypes = types, MaxDegreeOfParallelism = ParallelBatches };
    }

    private static string StagingTableDefinition(IReadOnlyList<CsvColumn> layout) =>
        $"({string.Join(", ", layout.Select(c => $"{c.Name} {c.ClickHouseType}"))}) ENGINE = MergeTree ORDER BY tuple()";

    /// <summary>Turns CSV records into rows in layout order, failing on the first bad one; reports progress as it goes.</summary>
    private sealed class RowSource(
        CsvRecordReader csv,
        IReadOnlyList<CsvColumn> layout,
        int[] fileColumns,
        string fileName,
        CountingReadStream counting,
        long? totalBytes,
        IProgress<ImportProgress>? progress,
        Stopwatch stopwatch)
    {
        public long Count { get; private set; }

        public IEnumerable<object[]> Read()
        {
            var fields = new List<string>(fileColumns.Length);
            var present = new bool[layout.Count];
            foreach (var index in fileColumns)
                present[index] = true;
            var lastReport = stopwatch.Elapsed;

            while (ReadRecord(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0)
                    continue; // a blank line
                if (fields.Count != fileColumns.Length)
                    throw new CsvImportException(fileName, csv.LineNumber, null,
                        $"expected {fileColumns.Length} fields as in the header, found {fields.Count}");

                var row = new object[layout.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    var column = layout[fileColumns[i]];
                    try
                    {
                        row[fileColumns[i]] = column.Parse(fields[i]);
                    }
                    catch (FormatException e)
                    {
                        throw new CsvImportException(fileName, csv.LineNumber, column.Name, e.Message);
                    }
                }
                for (var i = 0; i < layout.Count; i++)
                {
                    if (present[i])
                        continue;
                    try
                    {
                        row[i] = layout[i].Default!(row);
                    }
                    catch (FormatException e)
                    {
                        throw new CsvImportException(fileName, csv.LineNumber, layout[i].Name, e.Message);
                    }
                }

                Count++;
                if (progress is not null && (Count & 0xFFF) == 0 && stopwatch.Elapsed - lastReport >= ProgressInterval)
                {
                    lastReport = stopwatch.Elapsed;
                    progress.Report(new ImportProgress(ImportPhase.Staging, Count, counting.BytesRead, totalBytes, lastReport));
                }
                yield return row;
            }
        }

        private bool ReadRecord(List<string> fields)
        {
            try
            {
                return csv.ReadRecord(fields);
            }
            catch (FormatException e)
            {
                throw new CsvImportException(fileName, csv.LineNumber, null, e.Message);
            }
        }
    }
}
