namespace Fifo.Core.Lots;

/// <summary>
/// The spec's conservation identity for one position: Σ pnl of its lots = Σ usdc_delta of its counted fills +
/// net tokens · payout rate (rate 0 while unresolved, when the identity needs the open lots too).
/// </summary>
public sealed record PositionConservation(
    PositionKey Position,
    bool Resolved,
    int Lots,
    double LotsPnl,
    double CashFlow,
    double NetTokens,
    double PayoutRate)
{
    public double Expected => CashFlow + NetTokens * PayoutRate;
    public double Difference => LotsPnl - Expected;
}
