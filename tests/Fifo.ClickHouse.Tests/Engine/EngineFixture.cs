using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>A migrated database with the SQL engine for one test class; tests keep apart by using fresh wallets.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private ClickHouseTestDatabase database = null!;

    internal EngineDatabase Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await ClickHouseTestDatabase.CreateAsync();
        Engine = await EngineDatabase.CreateAsync(database);
    }

    /// <summary>
    /// Loads the trades, computes their wallet as one batch, and returns its rows in the deduplicated view after
    /// checking they equal the reference engine's.
    /// </summary>
    internal async Task<IReadOnlyList<LotRow>> ComputeAsync(Trades trades)
    {
        var scenario = new FifoScenario(trades.Fills, trades.Resolutions);
        await Engine.InsertAsync(scenario);
        await Engine.ComputeAsync(trades.Wallet, trades.Wallet);
        var stored = await Engine.ReadViewAsync(trades.Wallet);

        var differences = LotComparison.Compare(stored, EngineDatabase.Reference(scenario).Where(l => l.Wallet == trades.Wallet));
        Xunit.Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => $"{d.Key}: {d.Description}")));
        return stored;
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await database.DisposeAsync();
    }
}
