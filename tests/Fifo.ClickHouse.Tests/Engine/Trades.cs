using System.Globalization;
using Fifo.Core.Model;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>
/// Hand-written fills and resolutions for one fresh wallet and fresh conditions, so tests sharing a database never see
/// each other's rows. Amounts are tokens (positive = buy) at a price; times are seconds after <see cref="T0"/>.
/// </summary>
internal sealed class Trades
{
    public static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static int counter;

    private readonly List<Fill> fills = [];
    private readonly List<Resolution> resolutions = [];

    public Trades()
    {
        var n = Interlocked.Increment(ref counter);
        Wallet = "0x" + Guid.NewGuid().ToString("N")[..24] + n.ToString("x16", CultureInfo.InvariantCulture);
        Condition = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    }

    public string Wallet { get; }

    /// <summary>The default condition of this set of trades.</summary>
    public string Condition { get; }

    public IReadOnlyList<Fill> Fills => fills;

    public IReadOnlyList<Resolution> Resolutions => resolutions;

    public static DateTime At(int second) => T0.AddSeconds(second);

    /// <summary>A fill of <paramref name="tokens"/> (positive buys, negative sells) at <paramref name="price"/>.</summary>
    public Trades Fill(string fillId, double tokens, double price, int second, byte outcome = 0, string? condition = null,
        string source = "clob", bool maker = false, bool selfFill = false, ulong version = 1, string? wallet = null, ulong block = 0,
        double? usdc = null)
    {
        fills.Add(new Fill(fillId, "0xtx" + fillId, wallet ?? Wallet, condition ?? Condition, outcome, tokens,
            usdc ?? -tokens * price, At(second), source, maker, selfFill, block, version));
        return this;
    }

    public Trades Resolve(string numerators, int second = 100_000, bool deleted = false, int insertedAt = -1, string? condition = null)
    {
        resolutions.Add(new Resolution(condition ?? Condition, numerators, "1", At(second), deleted, At(insertedAt < 0 ? second : insertedAt)));
        return this;
    }
}
