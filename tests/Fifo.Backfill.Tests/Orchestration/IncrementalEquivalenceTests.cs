using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

/// <summary>
/// Differential tests of incremental runs: whatever new rows arrive, an incremental run must leave the lots view and the
/// wallet summaries' figures exactly as a full recomputation of all source rows would (amounts within 1e-6 USD). Only
/// results are compared — not which wallets a run recomputed, its batches or the tables behind the view — so that
/// any incremental engine, recomputing whole wallets or carrying positions forward from stored lots, must pass.
/// The reference is computed in a scratch copy of the database (<see cref="FullRecomputation"/>), which leaves the
/// database under test as its own runs left it, so that runs chained one after another are tested too.
/// </summary>
public sealed class IncrementalEquivalenceTests
{
    /// <summary>Seeds of the new rows; the demo data under them is always the same.</summary>
    public static readonly TheoryData<int> Seeds = [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Chained_incremental_runs_over_appended_trading_match_a_full_recomputation(int seed)
    {
        var random = new Random(seed);
        await using var harness = await StartFromFullRunAsync();

        for (var round = 1; round <= 2; round++)
        {
            var before = await BackfillResult.ReadAsync(harness.Db);
            await AppendTradingAsync(harness, random);

            await RunIncrementalAsync(harness);

            AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task An_incremental_run_over_appended_trading_and_new_resolutions_matches_a_full_recomputation(int seed)
    {
        var random = new Random(seed);
        await using var harness = await StartFromFullRunAsync();
        var before = await BackfillResult.ReadAsync(harness.Db);
        await AppendTradingAndResolutionsAsync(harness, random);

        await RunIncrementalAsync(harness);

        AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task An_incremental_run_over_late_fills_new_versions_of_old_fills_and_replayed_rows_matches_a_full_recomputation(int seed)
    {
        var random = new Random(seed);
        await using var harness = await StartFromFullRunAsync();
        var before = await BackfillResult.ReadAsync(harness.Db);
        var state = await SourceState.ReadAsync(harness.Db);
        var fills = new NewFills(random, state);
        await SourceRows.InsertFillsAsync(harness.Db,
        [
            .. LateAndRevisedFills.LateArrivals(state, fills, count: 6),
            .. LateAndRevisedFills.Revisions(state, fills, count: 3),
            .. LateAndRevisedFills.Replays(state, count: 4),
        ]);

        await RunIncrementalAsync(harness);

        AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
    }

    /// <summary>
    /// The hardest case for an engine that carries positions forward: a fill already computed (it opened a lot that
    /// a later sell partly closed) comes again under a newer version at a later time, past fills that came after it, as
    /// a chain reorganisation reports it. Every lot of the position after its old place has to be matched anew. The
    /// market then resolves, so that the lots still open after the reorg (which the view does not show) are written
    /// and compared too.
    /// </summary>
    [Fact]
    public async Task A_new_version_that_moves_an_already_computed_fill_to_a_later_time_gives_what_a_full_recomputation_gives()
    {
        await using var harness = await StartFromFullRunAsync();
        var state = await SourceState.ReadAsync(harness.Db);
        var fills = new NewFills(new Random(7), state);
        // Long N tokens, then: buy 40 (A), sell N + 30 (B), buy 10 (C). A is held 10 and C opens a long lot. With A moved
        // after C, B closes the N tokens and opens a short lot of 30 instead, which C and A cover; A opens 20 long.
        var position = state.Positions.First(p => state.IsUnresolved(p.Key.ConditionId) && p.NetMicroTokens > 0);
        var start = state.LastEventTime;
        var a = fills.Trade(position.Key, 40_000_000, start.AddMinutes(1), maker: null).Single();
        var b = fills.Trade(position.Key, -(position.NetMicroTokens + 30_000_000), start.AddMinutes(2), maker: null).Single();
        var c = fills.Trade(position.Key, 10_000_000, start.AddMinutes(3), maker: null).Single();
        await SourceRows.InsertFillsAsync(harness.Db, [a, b, c]);
        await RunIncrementalAsync(harness);
        var before = await FullRecomputation.AssertMatchedByAsync(harness.Db);

        await SourceRows.InsertFillsAsync(harness.Db, [fills.Revision(a, f => f with { EventTime = c.EventTime.AddMinutes(1) })]);
        await RunIncrementalAsync(harness);

        AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
        await SourceRows.InsertResolutionsAsync(harness.Db,
            [NewResolutions.Paying(await SourceState.ReadAsync(harness.Db), position.Key.ConditionId, winner: position.Key.OutcomeIndex)]);
        await RunIncrementalAsync(harness);
        await FullRecomputation.AssertMatchedByAsync(harness.Db);
    }

    /// <summary>
    /// Rows later than anything their wallets have are not all new trades: an older version of a stored fill (a row of
    /// an orphaned block delivered late) is outranked by the stored version and changes nothing, however late it is dated.
    /// </summary>
    [Fact]
    public async Task An_older_version_of_a_fill_dated_after_everything_its_wallet_has_changes_nothing()
    {
        await using var harness = await StartFromFullRunAsync();
        var before = await BackfillResult.ReadAsync(harness.Db);
        var state = await SourceState.ReadAsync(harness.Db);
        await SourceRows.InsertFillsAsync(harness.Db, LateAndRevisedFills.StaleVersionsDatedLater(state, count: 5));

        await RunIncrementalAsync(harness);

        (await FullRecomputation.AssertMatchedByAsync(harness.Db)).AssertSameAs(before);
    }

    [Fact]
    public async Task An_incremental_run_with_nothing_new_leaves_the_view_and_the_summaries_unchanged()
    {
        await using var harness = await StartFromFullRunAsync();
        await AppendTradingAndResolutionsAsync(harness, new Random(5));
        await RunIncrementalAsync(harness);
        var first = await FullRecomputation.AssertMatchedByAsync(harness.Db);

        await RunIncrementalAsync(harness);

        (await BackfillResult.ReadAsync(harness.Db)).AssertSameAs(first);
    }

    /// <summary>
    /// The first batch's query runs for real — its lots and summaries are committed — and then the batch "keeps
    /// running" until the pause cancels it, so it is not done and the resumed run computes it again on top of what it
    /// already wrote: an engine that carries positions forward must not apply its new fills twice.
    /// </summary>
    [Fact]
    public async Task An_incremental_run_paused_after_its_first_batch_and_resumed_applies_each_new_fill_once()
    {
        await using var harness = await StartFromFullRunAsync();
        var before = await BackfillResult.ReadAsync(harness.Db);
        await AppendTradingAsync(harness, new Random(11));
        var firstBatchDone = new TaskCompletionSource();
        harness.Executor.After = async (work, ct) =>
        {
            if (firstBatchDone.TrySetResult())
                await Task.Delay(Timeout.Infinite, ct);
        };

        var running = harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, Workers: 1, BatchFills: 800));
        await firstBatchDone.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await harness.Controller.PauseAsync();
        var paused = await running;
        harness.Executor.After = null;
        var resumed = await harness.Controller.ResumeAsync(paused.RunId);

        Assert.Equal(RunState.Paused, paused.State);
        await harness.AssertCompletedAsync(resumed);
        AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
    }

    /// <summary>
    /// Trading goes on while a run executes: fills inserted after the run has planned, before its first batch's query
    /// (two workers, several batches), are read by whichever batches come later or not at all; the next incremental
    /// run must bring every one of them in, exactly once.
    /// </summary>
    [Fact]
    public async Task Fills_that_arrive_while_an_incremental_run_executes_are_all_in_after_the_next_incremental_run()
    {
        var random = new Random(13);
        await using var harness = await StartFromFullRunAsync();
        var before = await BackfillResult.ReadAsync(harness.Db);
        await AppendTradingAsync(harness, random);
        var arrived = 0;
        harness.Executor.Before = async (work, ct) =>
        {
            if (Interlocked.Exchange(ref arrived, 1) == 0)
                await AppendTradingAsync(harness, random);
            return work;
        };
        await RunIncrementalAsync(harness, batchFills: 1_000);
        harness.Executor.Before = null;
        Assert.Equal(1, arrived);

        await RunIncrementalAsync(harness);

        AssertChanged(before, await FullRecomputation.AssertMatchedByAsync(harness.Db));
    }

    /// <summary>Demo data (whales, duplicates, self-fills, shorts, re-resolved markets) and a full run over it.</summary>
    private static async Task<BackfillHarness> StartFromFullRunAsync()
    {
        var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 5_000);
        await harness.AssertCompletedAsync(await harness.Controller.RunAsync(new BackfillRequest()));
        return harness;
    }

    /// <param name="batchFills">Fills per batch; by default the configured size, i.e. one batch at these sizes.</param>
    private static async Task RunIncrementalAsync(BackfillHarness harness, long? batchFills = null) =>
        await harness.AssertCompletedAsync(
            await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: batchFills)));

    private static async Task<IReadOnlyList<Fill>> AppendTradingAsync(BackfillHarness harness, Random random)
    {
        var state = await SourceState.ReadAsync(harness.Db);
        var dust = MicroTokens.FromTokens(harness.Services.GetRequiredService<IOptions<FifoOptions>>().Value.DustTokens);
        var appended = AppendedTrading.Round(state, new NewFills(random, state), dust);
        await SourceRows.InsertFillsAsync(harness.Db, appended);
        return appended;
    }

    private static async Task AppendTradingAndResolutionsAsync(BackfillHarness harness, Random random)
    {
        var appended = await AppendTradingAsync(harness, random);
        var state = await SourceState.ReadAsync(harness.Db);
        await SourceRows.InsertResolutionsAsync(harness.Db, NewResolutions.Build(state, appended, random));
    }

    /// <summary>Guards the scenario itself: new rows that changed nothing visible would test nothing.</summary>
    private static void AssertChanged(BackfillResult before, BackfillResult after) =>
        Assert.True(after.Compare(before).Count > 0, "the new source rows changed neither the view nor any summary");
}
