using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>A lot while its position is being matched: what the opening fill opened and what later fills closed.</summary>
internal sealed class OpeningLot(Fill opening, bool isShort, long microTokens, double entryPrice)
{
    public Fill Opening { get; } = opening;
    public bool IsShort { get; } = isShort;
    public long MicroTokens { get; } = microTokens;
    public double EntryPrice { get; } = entryPrice;
    public long ClosedMicroTokens { get; private set; }
    /// <summary>Σ closed tokens · the closing fill's own price.</summary>
    public double ClosedValue { get; private set; }
    public DateTime? ExitTime { get; private set; }

    public long OpenMicroTokens => MicroTokens - ClosedMicroTokens;

    public void Close(long microTokens, double price, DateTime at)
    {
        ClosedMicroTokens += microTokens;
        ClosedValue += Lots.MicroTokens.ToTokens(microTokens) * price;
        ExitTime = at;
    }

    /// <summary>The output row per the spec's table. <paramref name="payout"/> is null while the condition is unresolved.</summary>
    public LotRow ToRow(ConditionPayout? payout, double dustTokens)
    {
        var tokens = Lots.MicroTokens.ToTokens(MicroTokens);
        var soldEarly = Lots.MicroTokens.ToTokens(ClosedMicroTokens);
        var held = Lots.MicroTokens.ToTokens(OpenMicroTokens);
        var payoutRate = payout?.RateFor(Opening.OutcomeIndex) ?? 0;
        double cost, exitValue, pnl;
        if (IsShort)
        {
            cost = tokens * (1 - EntryPrice);
            pnl = tokens * EntryPrice - ClosedValue - held * payoutRate;
            exitValue = cost + pnl;
        }
        else
        {
            cost = tokens * EntryPrice;
            exitValue = ClosedValue + held * payoutRate;
            pnl = exitValue - cost;
        }
        return new LotRow
        {
            Wallet = Opening.Wallet,
            ConditionId = Opening.ConditionId,
            OutcomeIndex = Opening.OutcomeIndex,
            TxHash = Opening.FillId,
            OrderId = OrderIdParser.FromFillId(Opening.FillId),
            IsShort = IsShort,
            IsMaker = Opening.IsMaker,
            EntryTime = Opening.EventTime,
            ExitTime = ExitTime,
            Tokens = tokens,
            EntryPrice = EntryPrice,
            CostUsd = cost,
            TokensSoldEarly = soldEarly,
            TokensHeld = held,
            ExitValue = exitValue,
            PnlUsd = pnl,
            Roi = cost == 0 ? 0 : pnl / cost,
            PctSoldEarly = 100.0 * ClosedMicroTokens / MicroTokens,
            PayoutRate = payoutRate,
            ResolvedAt = payout?.ResolvedAt,
            IsClosed = payout is null && held < dustTokens,
        };
    }
}
