namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>A wallet to spot-check in every validation report, optionally with the total PnL it is known to have.</summary>
public sealed class KnownWallet
{
    public string Wallet { get; set; } = "";

    /// <summary>Expected Σ pnl_usd of the wallet's stored lots (e.g. from Polymarket's own figures); null = not checked.</summary>
    public double? ExpectedTotalPnl { get; set; }

    public double ToleranceUsd { get; set; } = 0.01;
}
