namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>Expectations of the validation report; bound from the "Validation" section.</summary>
public sealed class ValidationOptions
{
    public const string Section = "Validation";

    /// <summary>Share of wallets with counted fills that must have a computation; below it the check fails (warns below 1).</summary>
    public double MinWalletCoverage { get; set; } = 0.99;

    /// <summary>Plausible share of winning lots (pnl &gt; 0) over all stored lots; outside it the check warns.</summary>
    public double MinWinRate { get; set; } = 0.05;
    public double MaxWinRate { get; set; } = 0.95;

    /// <summary>Plausible Σ pnl / Σ cost over all stored lots; outside it the check warns.</summary>
    public double MinTotalRoi { get; set; } = -0.9;
    public double MaxTotalRoi { get; set; } = 0.9;

    /// <summary>A single lot with a larger |pnl_usd| is reported.</summary>
    public double MaxAbsLotPnlUsd { get; set; } = 10_000_000;

    /// <summary>Wallets recomputed from their fills in the SQL-side conservation check.</summary>
    public int ConservationSampleWallets { get; set; } = 1_000;

    /// <summary>Allowed |Σ pnl − (cash + net tokens · payout)| per wallet (the spec: 1e-6 USD).</summary>
    public double ConservationToleranceUsd { get; set; } = 1e-6;

    /// <summary>The leaderboard's top 100 must answer within this time.</summary>
    public TimeSpan LeaderboardMaxQueryTime { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Wallets recomputed by the reference engine and compared lot by lot with the stored rows.</summary>
    public List<KnownWallet> KnownWallets { get; set; } = [];
}
