using Dapper;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Schema;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.DemoData;

public sealed class DemoDataGeneratorTests
{
    private static readonly DemoDataRequest Small = new() { Wallets = 400, Markets = 150, Fills = 150_000, Seed = 7 };

    private const string FillsChecksum =
        "SELECT count(), sum(cityHash64(fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, " +
        "event_time, source, is_maker, is_self_fill, block_number, _version)) FROM pm_canonical_fills_v4_deduped";
    private const string ResolutionsChecksum =
        "SELECT count(), sum(cityHash64(*)) FROM pm_condition_resolutions";

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = await GenerateAsync(Small);
        var second = await GenerateAsync(Small);
        var other = await GenerateAsync(Small with { Seed = 8 });

        Assert.Equal(first, second);
        Assert.NotEqual(first.Fills, other.Fills);
        Assert.NotEqual(first.Resolutions, other.Resolutions);
    }

    [Fact]
    public async Task The_data_has_the_shapes_the_engines_must_handle()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        // Background merges would fold the stale duplicates away; this test checks that they were written.
        await connection.ExecuteAsync("SYSTEM STOP MERGES pm_canonical_fills_v4_deduped");

        var result = await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(Small);

        var shape = await connection.QuerySingleAsync<FillShape>("""
            SELECT
                count() AS rows,
                uniqExact(fill_id) AS fill_ids,
                uniqExactIf(wallet, wallet != '0x0000000000000000000000000000000000000000') AS wallets,
                uniqExact(condition_id) AS markets,
                countIf(source != 'clob') AS non_clob,
                uniqExactIf(fill_id, is_self_fill = 1 AND is_maker = 1) AS self_fill_maker_legs,
                uniqExactIf(fill_id, is_self_fill = 1 AND is_maker = 0) AS self_fill_taker_legs,
                countIf(is_maker = 1 AND is_self_fill = 0) AS maker_legs,
                countIf(wallet = '0x0000000000000000000000000000000000000000') AS zero_wallet,
                countIf(abs(tokens_delta) < 0.000001) AS sub_micro,
                countIf(abs(usdc_delta / tokens_delta) > 1) AS price_above_one,
                countIf(abs(usdc_delta / tokens_delta) > 0 AND abs(usdc_delta / tokens_delta) < 1) AS price_inside,
                countIf(NOT match(wallet, '^0x[0-9a-f]{40}$') OR NOT match(condition_id, '^[0-9a-f]{64}$')) AS malformed_ids,
                countIf(NOT match(fill_id, '^(clob_0x[0-9a-f]{64}_0x[0-9a-f]{32}-[mt]|(ctf_token|ctf_cash|negrisk)_0x[0-9a-f]{64}_[0-9]+)$')) AS malformed_fill_ids
            FROM pm_canonical_fills_v4_deduped
            """);
        Assert.Equal(result.FillRows, (long)shape.Rows);
        Assert.InRange((long)shape.Rows - Small.Fills, 1, Small.Fills / 50); // self-fill maker legs + duplicates on top
        Assert.Equal((ulong)Small.Wallets, shape.Wallets);
        Assert.Equal((ulong)Small.Markets, shape.Markets);
        Assert.InRange(shape.NonClob, shape.Rows / 50, shape.Rows / 20);
        Assert.True(shape.SelfFillMakerLegs > 100);
        Assert.Equal(shape.SelfFillMakerLegs, shape.SelfFillTakerLegs);
        Assert.InRange(shape.MakerLegs, shape.Rows / 4, shape.Rows / 2);
        Assert.InRange(shape.Rows - shape.FillIds, 100UL, shape.Rows / 100);
        Assert.True(shape.ZeroWallet > 0);
        Assert.True(shape.SubMicro > 0);
        Assert.InRange(shape.PriceAboveOne, 1UL, shape.Rows / 1000);
        Assert.True(shape.PriceInside > shape.Rows * 99 / 100);
        Assert.Equal(0UL, shape.MalformedIds);
        Assert.Equal(0UL, shape.MalformedFillIds);

        // Duplicates: same fill_id, the newer _version is the current row.
        var duplicateVersions = await connection.QueryAsync<(ulong, ulong)>(
            "SELECT count(), uniqExact(_version) FROM pm_canonical_fills_v4_deduped GROUP BY fill_id HAVING count() > 1");
        Assert.All(duplicateVersions, d => Assert.Equal((2UL, 2UL), d));

        // Skew: three whales with over 10% of the fills each, and a long tail of small wallets.
        var perWallet = (await connection.QueryAsync<ulong>(
            "SELECT count() AS c FROM pm_canonical_fills_v4_deduped GROUP BY wallet ORDER BY c DESC")).ToList();
        Assert.All(perWallet.Take(3), c => Assert.True(c > shape.Rows / 10, $"whale with {c} fills"));
        Assert.True(perWallet[3] < shape.Rows / 10);
        Assert.True(perWallet[perWallet.Count / 2] < shape.Rows / 1000);

        // Shorts: positions whose first counted fill is a sell; partial exits: positions that bought and sold but still hold.
        var positions = await connection.QuerySingleAsync<(ulong Shorts, ulong PartialExits)>("""
            SELECT countIf(first_side < 0), countIf(bought > 0 AND sold > 0 AND bought - sold > 1)
            FROM
            (
                SELECT argMin(sign(tokens_delta), (event_time, fill_id)) AS first_side,
                       sumIf(tokens_delta, tokens_delta > 0) AS bought, -sumIf(tokens_delta, tokens_delta < 0) AS sold
                FROM pm_canonical_fills_v4_deduped
                WHERE source = 'clob' AND NOT (is_self_fill = 1 AND is_maker = 1)
                GROUP BY wallet, condition_id, outcome_index
            )
            """);
        Assert.True(positions.Shorts > 100, $"{positions.Shorts} short positions");
        Assert.True(positions.PartialExits > 100, $"{positions.PartialExits} partial exits");

        var resolutions = await connection.QuerySingleAsync<ResolutionShape>("""
            SELECT
                uniqExact(condition_id) AS conditions,
                countIf(payout_numerators LIKE '[%' AND payout_numerators NOT LIKE '%"%') AS bare,
                countIf(payout_numerators LIKE '%"%') AS quoted,
                countIf(payout_numerators IN ('[1,1]', '["1","1"]')) AS fifty_fifty,
                countIf(payout_numerators = '') AS empty,
                countIf(is_deleted = 1) AS deleted,
                (SELECT count() FROM (SELECT condition_id FROM pm_condition_resolutions WHERE is_deleted = 0 AND payout_numerators != ''
                                      GROUP BY condition_id HAVING count() > 1)) AS re_resolved
            FROM pm_condition_resolutions
            """);
        Assert.Equal(result.ResolutionRows, (long)(await connection.ExecuteScalarAsync<ulong>("SELECT count() FROM pm_condition_resolutions")));
        Assert.InRange(resolutions.Conditions, (ulong)Small.Markets / 2, (ulong)Small.Markets * 9 / 10); // some unresolved
        Assert.True(resolutions.Bare > 0 && resolutions.Quoted > 0 && resolutions.FiftyFifty > 0);
        Assert.True(resolutions.Empty > 0 && resolutions.Deleted > 0 && resolutions.ReResolved > 0);
        Assert.False(await services.GetRequiredService<DemoDataGenerator>().SourceTablesEmptyAsync());
    }

    [Fact]
    public async Task Refuses_to_add_to_tables_that_hold_data_unless_asked()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var generator = services.GetRequiredService<DemoDataGenerator>();
        var tiny = new DemoDataRequest { Wallets = 5, Markets = 3, Fills = 100 };
        Assert.True(await generator.SourceTablesEmptyAsync());
        await generator.GenerateAsync(tiny);

        await Assert.ThrowsAsync<DemoDataNotEmptyException>(() => generator.GenerateAsync(tiny));
        var appended = await generator.GenerateAsync(tiny with { AllowNonEmpty = true, Seed = 9 });

        Assert.True(appended.FillRows >= 100);
        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(tiny with { Wallets = 0 }));
    }

    [Fact]
    public async Task A_generation_stopped_midway_leaves_the_tables_empty_so_the_next_one_loads()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var generator = services.GetRequiredService<DemoDataGenerator>();
        var tiny = new DemoDataRequest { Wallets = 5, Markets = 3, Fills = 100 };
        using var stop = new CancellationTokenSource();
        // Stopped when the fills step starts, after the resolutions were written.
        var stopAtFills = new StepListener(step => { if (step.Name == "fills") stop.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(tiny, stopAtFills, stop.Token));

        Assert.True(await generator.SourceTablesEmptyAsync());
        await using var connection = await db.OpenConnectionAsync();
        Assert.Empty(await connection.QueryAsync<string>("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'fifo_import_%'"));
        Assert.True((await generator.GenerateAsync(tiny)).FillRows >= 100);
    }

    /// <summary>Reports steps synchronously, on the generator's own thread (Progress&lt;T&gt; would post them).</summary>
    private sealed class StepListener(Action<DemoDataStep> onStep) : IProgress<DemoDataStep>
    {
        public void Report(DemoDataStep value) => onStep(value);
    }

    private static async Task<(string Fills, string Resolutions)> GenerateAsync(DemoDataRequest request)
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        // Merges fold stale duplicates at unpredictable times; without them the raw rows must match exactly.
        await connection.ExecuteAsync("SYSTEM STOP MERGES pm_canonical_fills_v4_deduped");
        var result = await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(request);
        var fills = await connection.QuerySingleAsync<(ulong, ulong)>(FillsChecksum);
        var resolutions = await connection.QuerySingleAsync<(ulong, ulong)>(ResolutionsChecksum);
        Assert.DoesNotContain("demo", string.Join(",", await connection.QueryAsync<string>(
            "SELECT name FROM system.tables WHERE database = currentDatabase()")));
        Assert.Equal(((ulong)result.FillRows, (ulong)result.ResolutionRows), (fills.Item1, resolutions.Item1));
        return (fills.ToString(), resolutions.ToString());
    }

    private sealed record FillShape(
        ulong Rows, ulong FillIds, ulong Wallets, ulong Markets, ulong NonClob, ulong SelfFillMakerLegs, ulong SelfFillTakerLegs,
        ulong MakerLegs, ulong ZeroWallet, ulong SubMicro, ulong PriceAboveOne, ulong PriceInside, ulong MalformedIds, ulong MalformedFillIds);

    private sealed record ResolutionShape(ulong Conditions, ulong Bare, ulong Quoted, ulong FiftyFifty, ulong Empty, ulong Deleted, ulong ReResolved);
}
