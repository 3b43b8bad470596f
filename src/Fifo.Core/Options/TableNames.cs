using System.Text.RegularExpressions;

namespace Fifo.Core.Options;

/// <summary>Every table and view the project reads or writes; bound from the "Tables" configuration section.</summary>
public sealed partial class TableNames
{
    public const string Section = "Tables";

    /// <summary>Source fills (never altered when it already exists).</summary>
    public string Fills { get; set; } = "pm_canonical_fills_v4_deduped";
    /// <summary>Source market resolutions (never altered when it already exists).</summary>
    public string Resolutions { get; set; } = "pm_condition_resolutions";
    /// <summary>FIFO lots, append-only with a version per wallet computation.</summary>
    public string Lots { get; set; } = "pm_trade_fifo_roi_v3";
    /// <summary>View with exactly one row per lot key, from each wallet's current computation.</summary>
    public string LotsDeduped { get; set; } = "pm_trade_fifo_roi_v3_deduped";
    /// <summary>One row per wallet computation: the commit marker of that wallet's lots and the leaderboard's pre-aggregate.</summary>
    public string WalletSummary { get; set; } = "pm_trade_fifo_roi_v3_wallet_summary";
    /// <summary>The lots each computation left open (tokens held in unresolved markets), to carry wallets forward.</summary>
    public string OpenLots { get; set; } = "pm_trade_fifo_roi_v3_open_lots";
    /// <summary>Stored lots that a carried step stored again (a closed lot with dust left that new fills closed more of).</summary>
    public string ReplacedLots { get; set; } = "pm_trade_fifo_roi_v3_replaced";
    /// <summary>Null table the engine inserts every computed lot into; materialized views route them to Lots and OpenLots.</summary>
    public string LotsInput { get; set; } = "pm_trade_fifo_roi_v3_input";
    public string Runs { get; set; } = "fifo_backfill_runs";
    public string Batches { get; set; } = "fifo_backfill_batches";
    /// <summary>The wallet set of each incremental run (wallets with new fills or re-resolved markets).</summary>
    public string RunWallets { get; set; } = "fifo_backfill_run_wallets";
    /// <summary>The new fill rows an incremental run carries wallets forward with, copied when it is planned.</summary>
    public string RunFills { get; set; } = "fifo_backfill_run_fills";
    /// <summary>The open lots each attempt of a carried batch continues, copied once for its statements.</summary>
    public string RunOpenLots { get; set; } = "fifo_backfill_run_open_lots";
    public string Migrations { get; set; } = "fifo_schema_migrations";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    public static partial Regex IdentifierPattern();

    /// <summary>All names with their configuration keys, for validation and the settings page.</summary>
    public IEnumerable<(string Key, string Name)> All() =>
    [
        (nameof(Fills), Fills), (nameof(Resolutions), Resolutions), (nameof(Lots), Lots),
        (nameof(LotsDeduped), LotsDeduped), (nameof(WalletSummary), WalletSummary),
        (nameof(OpenLots), OpenLots), (nameof(ReplacedLots), ReplacedLots), (nameof(LotsInput), LotsInput),
        (nameof(Runs), Runs), (nameof(Batches), Batches), (nameof(RunWallets), RunWallets), (nameof(RunFills), RunFills), (nameof(RunOpenLots), RunOpenLots), (nameof(Migrations), Migrations),
    ];
}
