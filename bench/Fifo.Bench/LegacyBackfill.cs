using System.Diagnostics;
using ClickHouse.Driver.Utility;
using Dapper;
using Fifo.ClickHouse.Connection;

namespace Fifo.Bench;

/// <summary>
/// The old method, run the way the seed ran it: every wallet, in batches of a fixed number of wallets named in an
/// IN list, each batch one INSERT … SELECT of legacy_avg_sell_price.sql, with as many batches in flight as the new
/// engine gets workers.
/// </summary>
internal sealed class LegacyBackfill(ClickHouseConnectionFactory connections, BenchSql sql)
{
    public async Task<LegacyResult> RunAsync(int walletsPerBatch, int workers, CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            foreach (var statement in sql.GetStatements("create_legacy_lots.sql"))
                await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken));
        }

        List<string> wallets;
        await using (var connection = await connections.OpenAsync(cancellationToken))
            wallets = (await connection.QueryAsync<string>(new CommandDefinition(sql.Get("legacy_wallets.sql"), cancellationToken: cancellationToken))).AsList();

        var insert = sql.Get("legacy_avg_sell_price.sql");
        var batches = wallets.Chunk(walletsPerBatch).ToList();
        var stopwatch = Stopwatch.StartNew();
        long rows = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await using var connection = await connections.OpenAsync(ct);
                await using var command = connection.CreateCommand(insert);
                command.AddParameter("wallets", batch);
                command.AddParameter("version", 1UL);
                await command.ExecuteNonQueryAsync(ct);
                Interlocked.Add(ref rows, command.QueryStats?.WrittenRows ?? 0);
            });
        return new LegacyResult(wallets.Count, batches.Count, rows, stopwatch.Elapsed);
    }
}

internal sealed record LegacyResult(long Wallets, int Batches, long RowsWritten, TimeSpan Elapsed);
