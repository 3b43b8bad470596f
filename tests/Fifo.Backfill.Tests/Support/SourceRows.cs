using ClickHouse.Driver;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>Writes fills and resolutions into a test database's source tables (default table names).</summary>
internal static class SourceRows
{
    public static async Task InsertFillsAsync(ClickHouseTestDatabase db, IEnumerable<Fill> fills)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        await SourceRowWriter.InsertFillsAsync(client, "pm_canonical_fills_v4_deduped", fills);
    }

    public static async Task InsertResolutionsAsync(ClickHouseTestDatabase db, IEnumerable<Resolution> resolutions)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        await SourceRowWriter.InsertResolutionsAsync(client, "pm_condition_resolutions", resolutions);
    }
}
