using System.Text.RegularExpressions;
using Fifo.ClickHouse.Sql;

namespace Fifo.ClickHouse.Engine;

/// <summary>
/// The engine's statements, built once from the scripts under Sql/Fifo/. compute_lots.sql is a SELECT of lot rows;
/// the insert and the one-wallet read wrap it and pick their columns by name, so neither depends on its column order.
/// </summary>
internal sealed partial class LotStatements
{
    /// <summary>The lots table's columns this engine writes; order_id stays empty (the deduplicated view derives it).</summary>
    private const string StoredColumns =
        "wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price, "
        + "cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at, "
        + "is_closed, _version";

    /// <summary>compute_lots.sql's columns under <see cref="Fifo.Core.Model.LotRow"/>'s member names, for Dapper.</summary>
    private const string LotRowColumns = """
        wallet AS Wallet, condition_id AS ConditionId, outcome_index AS OutcomeIndex, tx_hash AS TxHash,
        order_id AS OrderId, toBool(is_short) AS IsShort, toBool(is_maker) AS IsMaker, entry_time AS EntryTime,
        exit_time AS ExitTime, tokens AS Tokens, entry_price AS EntryPrice, cost_usd AS CostUsd,
        tokens_sold_early AS TokensSoldEarly, tokens_held AS TokensHeld, exit_value AS ExitValue, pnl_usd AS PnlUsd,
        roi AS Roi, pct_sold_early AS PctSoldEarly, payout_rate AS PayoutRate, resolved_at AS ResolvedAt,
        toBool(is_closed) AS IsClosed
        """;

    private readonly (string WithRepeats, string WithoutRepeats) insertOneWalletLots;
    private readonly (string WithRepeats, string WithoutRepeats) readWalletLots;

    public LotStatements(SqlScripts scripts)
    {
        var compute = scripts.Get("Fifo/compute_lots.sql");
        if (!PerPositionPart().IsMatch(compute) || !RepeatedFillIdsPart().IsMatch(compute))
            throw new InvalidOperationException("compute_lots.sql lacks its per-position: or repeated-fill-ids: part.");
        var perWallet = RepeatedFillIdsPart().Replace(PerPositionPart().Replace(compute, ""), "");
        var perPosition = PerPositionPart().Replace(compute, Kept);
        var perPositionWithRepeats = RepeatedFillIdsPart().Replace(perPosition, Kept);
        var perPositionWithoutRepeats = RepeatedFillIdsPart().Replace(perPosition, "");

        InsertLots = Insert(perWallet);
        insertOneWalletLots = (Insert(perPositionWithRepeats), Insert(perPositionWithoutRepeats));
        readWalletLots = (Read(perPositionWithRepeats), Read(perPositionWithoutRepeats));
        WalletRepeatsFillIds = scripts.Get("Fifo/wallet_repeats_fill_ids.sql");
        CommitWallets = scripts.Get("Fifo/commit_wallets.sql");
        CountBatchFills = scripts.Get("Fifo/batch_fills.sql");

        static string Kept(Match part) => part.Groups["sql"].Value;

        string Insert(string select) =>
            scripts.Render($"INSERT INTO {{{{Lots}}}} ({StoredColumns})\nSELECT {StoredColumns}\nFROM\n(\n{select}\n)");

        static string Read(string select) =>
            $"SELECT {LotRowColumns}\nFROM\n(\n{select}\n)\nORDER BY ConditionId, OutcomeIndex, EntryTime, TxHash, IsShort";
    }

    /// <summary>Appends the resolved and closed lots of a wallet range under a new version (arrays per wallet).</summary>
    public string InsertLots { get; }

    /// <summary>
    /// <see cref="InsertLots"/> for a range of one wallet, grouped per position: a whale's rows are computed in blocks
    /// of positions instead of as one set of wallet-sized arrays.
    /// </summary>
    /// <param name="repeatsFillIds">What <see cref="WalletRepeatsFillIds"/> says of the wallet: false leaves out the
    /// second read that drops older versions of fill_ids across positions.</param>
    public string InsertOneWalletLots(bool repeatsFillIds) =>
        repeatsFillIds ? insertOneWalletLots.WithRepeats : insertOneWalletLots.WithoutRepeats;

    /// <summary>Every lot of one wallet, open lots included when asked, as <see cref="Fifo.Core.Model.LotRow"/>s.</summary>
    /// <param name="repeatsFillIds">As for <see cref="InsertOneWalletLots"/>.</param>
    public string ReadWalletLots(bool repeatsFillIds) =>
        repeatsFillIds ? readWalletLots.WithRepeats : readWalletLots.WithoutRepeats;

    /// <summary>Whether a wallet's fill rows repeat a fill_id (then a one-wallet statement must drop older versions).</summary>
    public string WalletRepeatsFillIds { get; }

    /// <summary>Writes the wallet summary rows that make a version of the range's lots visible.</summary>
    public string CommitWallets { get; }

    /// <summary>How many fill rows a batch reads.</summary>
    public string CountBatchFills { get; }

    /// <summary>A <c>/*per-position: …*/</c> part of compute_lots.sql: left out per wallet, kept per position.</summary>
    [GeneratedRegex(@"/\*per-position:(?<sql>.*?)\*/", RegexOptions.Singleline)]
    private static partial Regex PerPositionPart();

    /// <summary>
    /// A <c>/*repeated-fill-ids: …*/</c> part: kept per position for a wallet that repeats a fill_id, left out
    /// otherwise (grouped per wallet, step 2b settles repeats).
    /// </summary>
    [GeneratedRegex(@"/\*repeated-fill-ids:(?<sql>.*?)\*/", RegexOptions.Singleline)]
    private static partial Regex RepeatedFillIdsPart();
}
