using System.Globalization;
using ClickHouse.Driver;
using Dapper;
using Fifo.ClickHouse.Export;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Export;

public sealed class LotsCsvExporterTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private static readonly double[] AwkwardDoubles =
        [0.1 + 0.2, 1.0 / 3, -2.0 / 3, 1e-300, double.Epsilon, 123456789.12345679, -0.0, 5e-324 * 3, 0.999999999999999, 7];

    [Fact]
    public async Task Exports_every_column_with_exact_floats_and_empty_nulls()
    {
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync();
        var lotColumns = await LotColumnsAsync();
        var inserted = await InsertLotsAsync(lotColumns);
        using var file = new TempFile(".csv");
        var path = file.Path;

        var result = await services.GetRequiredService<LotsCsvExporter>().ExportFileAsync(path, source: "pm_trade_fifo_roi_v3");

        Assert.Equal(AwkwardDoubles.Length, result.Rows);
        var (header, rows) = ReadCsv(path);
        Assert.Equal(lotColumns.Select(c => c.Name), header);
        Assert.Equal(lotColumns.Select(c => c.Name), result.Columns);
        var byTx = rows.ToDictionary(r => r[header.IndexOf("tx_hash")]);
        foreach (var (tx, expected) in inserted)
        {
            var row = byTx[tx];
            for (var i = 0; i < header.Count; i++)
            {
                if (expected[i] is double d)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(double.Parse(row[i], CultureInfo.InvariantCulture)));
                else if (expected[i] is null)
                    Assert.Equal("", row[i]);
                else if (expected[i] is DateTime t)
                    Assert.Equal(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row[i]);
                else
                    Assert.Equal(Convert.ToString(expected[i], CultureInfo.InvariantCulture), row[i]);
            }
        }
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public async Task A_failed_export_leaves_no_file_behind()
    {
        await using var services = FifoClickHouseServices.Create(db);
        using var target = new TempFile(".csv");
        var path = target.Path;

        await Assert.ThrowsAsync<ClickHouseServerException>(() =>
            services.GetRequiredService<LotsCsvExporter>().ExportFileAsync(path, source: "no_such_table"));

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    private async Task<List<(string Name, string Type)>> LotColumnsAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'pm_trade_fifo_roi_v3' ORDER BY position")).ToList();
    }

    /// <summary>One lot per awkward double, written into every Float64 column; nullable columns NULL on odd rows.</summary>
    private async Task<Dictionary<string, object?[]>> InsertLotsAsync(List<(string Name, string Type)> columns)
    {
        var rows = new Dictionary<string, object?[]>();
        for (var r = 0; r < AwkwardDoubles.Length; r++)
        {
            var row = columns.Select(c => (object?)(c.Type switch
            {
                "Float64" => AwkwardDoubles[r],
                "String" or "LowCardinality(String)" => c.Name == "tx_hash" ? $"clob_tx{r}_o{r}-t" : $"{c.Name} \"{r}\", quoted",
                "UInt8" => (byte)(r % 2),
                "UInt64" => (ulong)r,
                "DateTime" => new DateTime(2024, 1, 1, 0, 0, r, DateTimeKind.Utc),
                "Nullable(DateTime)" => r % 2 == 1 ? null : new DateTime(2024, 2, 1, 0, 0, r, DateTimeKind.Utc),
                _ => throw new InvalidOperationException($"Test does not know how to fill {c.Name} {c.Type}"),
            })).ToArray();
            rows[$"clob_tx{r}_o{r}-t"] = row;
        }
        using var client = new ClickHouseClient(db.ConnectionString);
        await client.InsertBinaryAsync("pm_trade_fifo_roi_v3", columns.Select(c => c.Name), rows.Values.Select(r => r.Cast<object>().ToArray()));
        return rows;
    }

    private static (List<string> Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var text = new StreamReader(path);
        var reader = new CsvRecordReader(text);
        var fields = new List<string>();
        reader.ReadRecord(fields);
        var header = fields.ToList();
        var rows = new List<string[]>();
        while (reader.ReadRecord(fields))
            rows.Add(fields.ToArray());
        return (header, rows);
    }
}
