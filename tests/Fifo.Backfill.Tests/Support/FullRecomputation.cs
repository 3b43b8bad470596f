using Dapper;
using Fifo.ClickHouse.Engine;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// The expected result of any backfill of a database's current source rows: the SQL engine computing every wallet in
/// one query, uninterrupted, over a copy of the source tables in a scratch database of its own. Unlike
/// <see cref="BackfillHarness.ReferenceViewAsync"/>, it leaves the database under test exactly as its own runs left
/// it: a reference computed into it would replace every wallet's lots (and whatever state an engine keeps with them),
/// so the next incremental run would build on the reference's computation instead of on the previous incremental
/// run's, and chained incremental runs would not be tested.
/// </summary>
internal static class FullRecomputation
{
    private static readonly string[] SourceTables = ["pm_canonical_fills_v4_deduped", "pm_condition_resolutions"];

    public static async Task<BackfillResult> ComputeAsync(ClickHouseTestDatabase source)
    {
        await using var scratch = await ClickHouseTestDatabase.CreateAsync();
        await using var services = await BackfillServices.CreateAsync(scratch);
        await using (var connection = await scratch.OpenConnectionAsync())
        {
            // Every stored row, unmerged duplicates and older versions included, as the engine would find them.
            foreach (var table in SourceTables)
                await connection.ExecuteAsync(
                    $"INSERT INTO {scratch.Database}.{table} SELECT * FROM {source.Database}.{table} SETTINGS optimize_on_insert = 0");
        }

        await services.GetRequiredService<FifoSqlEngine>().ComputeBatchAsync("0x", "0y", version: 1, runId: "reference",
            settings: new Dictionary<string, string>(), queryId: null, CancellationToken.None);
        return await BackfillResult.ReadAsync(scratch);
    }

    /// <summary>Asserts that what the database under test shows equals a full recomputation; returns what it shows.</summary>
    public static async Task<BackfillResult> AssertMatchedByAsync(ClickHouseTestDatabase db)
    {
        var actual = await BackfillResult.ReadAsync(db);
        actual.AssertSameAs(await ComputeAsync(db));
        return actual;
    }
}
