using Dapper;
using Fifo.Backfill.Runs;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Backfill;
using Fifo.Core.Planning;

namespace Fifo.Backfill.Planning;

/// <summary>
/// Finds the wallets a run computes and their fill counts, on the server (SQL in Sql/Backfill): all wallets of a
/// key range for a full run, the changed ones for an incremental run, the wallets of one span for a split.
/// </summary>
internal sealed class WalletDiscovery(ClickHouseConnectionFactory connections, SqlScripts scripts)
{
    /// <summary>
    /// How many carried steps in a row a wallet may take before it is recomputed whole: each adds a lots version that
    /// the deduplicated view reads for it (stage_carried_wallets.sql).
    /// </summary>
    internal const int MaxCarriedSteps = 30;

    // The source tables' names, to find their parts in system.parts.
    private readonly string fillsTable = scripts.Render("{{Fills}}");
    private readonly string resolutionsTable = scripts.Render("{{Resolutions}}");

    public async Task<HighWaterMarks> ReadMarksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<MarksRow>(Command("high_water_marks.sql",
            new { fillsTable, resolutionsTable }, cancellationToken));
        return new HighWaterMarks(row.FillsPartMarks, row.ResolutionsPartMarks);
    }

    /// <summary>Every wallet of the range the engine commits, weighed by its counted fills, in key order.</summary>
    public Task<IReadOnlyList<WalletFills>> AllWalletsAsync(WalletRange range, CancellationToken cancellationToken) =>
        QueryWalletsAsync("discover_wallets.sql",
            new { lower = range.LowerBound, upper = range.UpperBound, upper_inclusive = false }, cancellationToken);

    /// <summary>
    /// Stages, for the run, the wallets of the range that changed since <paramref name="baseline"/> and returns them
    /// in key order: copies the fill rows inserted since (copy_new_fills.sql), then stages the wallets to carry
    /// forward (stage_carried_wallets.sql) and those to recompute whole (stage_changed_wallets.sql).
    /// </summary>
    public async Task<IReadOnlyList<WalletFills>> StageChangedWalletsAsync(string runId, WalletRange range,
        HighWaterMarks baseline, CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var parameters = new
            {
                runId,
                lower = range.LowerBound,
                upper = range.UpperBound,
                fillMarks = baseline.FillsParts,
                resolutionMarks = baseline.ResolutionsParts,
                maxCarriedSteps = MaxCarriedSteps,
            };
            // In this order: the stagings read the copied rows, and the second the first's carried wallets.
            foreach (var script in (string[])["copy_new_fills.sql", "stage_carried_wallets.sql", "stage_changed_wallets.sql"])
                await connection.ExecuteAsync(Command(script, parameters, cancellationToken));
        }
        return await QueryWalletsAsync("run_wallets.sql", new { runId }, cancellationToken);
    }

    /// <summary>The wallets of a span in key order: the staged ones of an incremental run, or all the engine commits.</summary>
    public Task<IReadOnlyList<WalletFills>> SpanWalletsAsync(string runId, WalletSpan span, bool stagedOnly,
        CancellationToken cancellationToken) =>
        stagedOnly
            ? QueryWalletsAsync("run_wallets_in_span.sql",
                new { runId, first = span.FirstWallet, last = span.LastWallet }, cancellationToken)
            : QueryWalletsAsync("discover_wallets.sql",
                new { lower = span.FirstWallet, upper = span.LastWallet, upper_inclusive = true }, cancellationToken);

    private async Task<IReadOnlyList<WalletFills>> QueryWalletsAsync(string script, object parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WalletRow>(Command(script, parameters, cancellationToken));
        return rows.Select(r => new WalletFills(r.Wallet, (long)r.Fills)).ToList();
    }

    private CommandDefinition Command(string script, object parameters, CancellationToken cancellationToken) =>
        new(scripts.Get("Backfill/" + script), QueryParameters.From(parameters), cancellationToken: cancellationToken);

    private sealed class WalletRow
    {
        public string Wallet { get; init; } = "";
        public ulong Fills { get; init; }
    }

    private sealed class MarksRow
    {
        public string FillsPartMarks { get; init; } = "";
        public string ResolutionsPartMarks { get; init; } = "";
    }
}
