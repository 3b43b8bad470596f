using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>A migrated database with the SQL engine for one test class; tests keep apart by using fresh wallets.</summary>
public class EngineFixture : IAsyncLifetime
{
    private ClickHouseTestDatabase database = null!;

    internal EngineDatabase Engine { get; private set; } = null!;

    /// <summary>The engine's Fifo options; null = the defaults. The reference engine always runs with the same.</summary>
    protected virtual FifoOptions? Options => null;

    public virtual async Task InitializeAsync()
    {
        database = await ClickHouseTestDatabase.CreateAsync();
        Engine = await EngineDatabase.CreateAsync(database, Options);
    }

    /// <summary>
    /// Loads the trades, computes their wallet as one batch, and returns its rows in the deduplicated view after
    /// checking they equal the reference engine's. A batch of exactly one wallet is grouped per position (as for a
    /// whale); <paramref name="perWallet"/> runs the wallet in a range batch instead, grouped per wallet.
    /// </summary>
    internal async Task<IReadOnlyList<LotRow>> ComputeAsync(Trades trades, bool perWallet = false)
    {
        var scenario = new FifoScenario(trades.Fills, trades.Resolutions);
        await Engine.InsertAsync(scenario);
        // [wallet, wallet + "0"] holds only this wallet, but is not a one-wallet range.
        await Engine.ComputeAsync(trades.Wallet, perWallet ? trades.Wallet + "0" : trades.Wallet);
        var stored = await Engine.ReadViewAsync(trades.Wallet);

        var reference = EngineDatabase.Reference(scenario, options: Engine.Options).Where(l => l.Wallet == trades.Wallet);
        var differences = LotComparison.Compare(stored, reference);
        Xunit.Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => $"{d.Key}: {d.Description}")));
        return stored;
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await database.DisposeAsync();
    }
}
