using Dapper;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Import;

/// <summary>What the import tests share: the engine's services on a migrated test database, CSV files, and a look at what an import leaves behind.</summary>
public abstract class ImportTestBase(ClickHouseTestDatabase db) : IAsyncLifetime
{
    protected const string Wallet = "0x00000000000000000000000000000000000000aa";
    protected const string FillsHeader = "fill_id,tx_hash,wallet,condition_id,outcome_index,tokens_delta,usdc_delta,event_time,source";
    protected static readonly string Condition = new('c', 64);

    private readonly List<TempFile> files = [];

    protected ClickHouseTestDatabase Db => db;

    protected ServiceProvider Services { get; private set; } = null!;

    protected CsvImporter Importer => Services.GetRequiredService<CsvImporter>();

    public virtual async Task InitializeAsync()
    {
        Services = FifoClickHouseServices.Create(db);
        await Services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        files.ForEach(file => file.Dispose());
    }

    /// <summary>A CSV file of <paramref name="lines"/>, removed after the test.</summary>
    protected string WriteCsv(params string[] lines) =>
        NewFile(new TempFile(".csv", lines.Length == 0 ? "" : string.Join("\n", lines) + "\n"));

    protected string NewFile(TempFile file)
    {
        files.Add(file);
        return file.Path;
    }

    /// <summary>The import's own tables still there, and those dropped but with their data still on disk: that should be nothing.</summary>
    protected async Task<List<string>> LeftBehindAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
                "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'fifo_import_%' " +
                "UNION ALL SELECT table FROM system.dropped_tables WHERE database = currentDatabase() AND table LIKE 'fifo_import_%'"))
            .ToList();
    }
}
