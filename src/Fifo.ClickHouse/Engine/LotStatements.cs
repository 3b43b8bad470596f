using System.Text.RegularExpressions;
using Fifo.ClickHouse.Sql;

namespace Fifo.ClickHouse.Engine;

/// <summary>
/// The engine's statements, built once from the scripts under Sql/Fifo/. compute_lots.sql is a SELECT of lot rows;
/// the inserts and the one-wallet read wrap it and pick their columns by name, so none depends on its column order.
/// Carrying wallets forward is compute_lots.sql with two of its regions replaced: its fill rows
/// (<c>/*&lt;fill-rows&gt;*/</c>) by carry_fill_rows.sql, and its lots (<c>/*&lt;lots&gt;*/</c>) by carry_lot_rows.sql
/// around them, all after carried_wallets.sql's expressions.
/// </summary>
internal sealed partial class LotStatements
{
    /// <summary>
    /// The columns the engine inserts into the lots input table (the lots table's, then closed_value, which only the
    /// open-lots table keeps); order_id stays empty (the deduplicated view derives it).
    /// </summary>
    private const string InsertedColumns =
        "wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price, "
        + "cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at, "
        + "is_closed, closed_value, _version";

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
        var carriedWallets = scripts.Get("Fifo/carried_wallets.sql");

        InsertLots = Insert(perWallet);
        insertOneWalletLots = (Insert(perPositionWithRepeats), Insert(perPositionWithoutRepeats));
        readWalletLots = (Read(perPositionWithRepeats), Read(perPositionWithoutRepeats));
        var carried = ReplaceRegion(ReplaceRegion(perWallet, "fill-rows", _ => scripts.Get("Fifo/carry_fill_rows.sql")),
            "lots", lots => ReplaceRegion(scripts.Get("Fifo/carry_lot_rows.sql"), "lots", _ => lots, placeholder: true));
        InsertCarriedLots = Insert(carried, carriedWallets);
        CopyCarriedOpenLots = WithCarriedWallets(scripts.Get("Fifo/copy_carried_open_lots.sql"));
        MarkCarriedPositions = WithCarriedWallets(scripts.Get("Fifo/mark_carried_positions.sql"));
        ReplaceDustyLots = WithCarriedWallets(scripts.Get("Fifo/replace_dusty_lots.sql"));
        WalletRepeatsFillIds = scripts.Get("Fifo/wallet_repeats_fill_ids.sql");
        CommitWallets = WithCarriedWallets(scripts.Get("Fifo/commit_wallets.sql"));
        BatchWorkload = WithCarriedWallets(scripts.Get("Fifo/batch_fills.sql"));
        LotsWritten = scripts.Get("Fifo/lots_written.sql");

        static string Kept(Match part) => part.Groups["sql"].Value;

        string Insert(string select, string with = "") =>
            scripts.Render($"INSERT INTO {{{{LotsInput}}}} ({InsertedColumns})\n{with}\nSELECT {InsertedColumns}\nFROM\n(\n{select}\n)");

        static string Read(string select) =>
            $"SELECT {LotRowColumns}\nFROM\n(\n{select}\n)\nORDER BY ConditionId, OutcomeIndex, EntryTime, TxHash, IsShort";

        string WithCarriedWallets(string sql) => ReplaceRegion(sql, "carried-wallets", _ => carriedWallets, placeholder: true);
    }

    /// <summary>
    /// Appends the lots of a wallet range, open ones included, under a new version (arrays per wallet) into the lots
    /// input table, whose materialized views keep the resolved and closed lots in the lots table and what is still
    /// open in the open-lots table.
    /// </summary>
    public string InsertLots { get; }

    /// <summary>
    /// <see cref="InsertLots"/> for a range of one wallet, grouped per position: a whale's rows are computed in blocks
    /// of positions instead of as one set of wallet-sized arrays.
    /// </summary>
    /// <param name="repeatsFillIds">What <see cref="WalletRepeatsFillIds"/> says of the wallet: false leaves out the
    /// second read that drops older versions of fill_ids across positions.</param>
    public string InsertOneWalletLots(bool repeatsFillIds) =>
        repeatsFillIds ? insertOneWalletLots.WithRepeats : insertOneWalletLots.WithoutRepeats;

    /// <summary><see cref="InsertLots"/> for the range's carried wallets: their open lots continued by their new fills.</summary>
    public string InsertCarriedLots { get; }

    /// <summary>Copies the open lots a carried step continues, for the statements after it.</summary>
    public string CopyCarriedOpenLots { get; }

    /// <summary>Writes the empty row that marks each position a carried step touched.</summary>
    public string MarkCarriedPositions { get; }

    /// <summary>Records the stored rows of the closed lots with dust left that a carried step stores again.</summary>
    public string ReplaceDustyLots { get; }

    /// <summary>Every lot of one wallet, open lots included when asked, as <see cref="Fifo.Core.Model.LotRow"/>s.</summary>
    /// <param name="repeatsFillIds">As for <see cref="InsertOneWalletLots"/>.</param>
    public string ReadWalletLots(bool repeatsFillIds) =>
        repeatsFillIds ? readWalletLots.WithRepeats : readWalletLots.WithoutRepeats;

    /// <summary>Whether a wallet's fill rows repeat a fill_id (then a one-wallet statement must drop older versions).</summary>
    public string WalletRepeatsFillIds { get; }

    /// <summary>Writes the wallet summary rows that make a version of the range's lots visible.</summary>
    public string CommitWallets { get; }

    /// <summary>How many rows a version stored in the lots table for a wallet range.</summary>
    public string LotsWritten { get; }

    /// <summary>What a batch computes whole and carries forward, and from how many fill rows (batch_fills.sql).</summary>
    public string BatchWorkload { get; }

    /// <summary>
    /// Replaces the region <c>/*&lt;name&gt;*/ … /*&lt;/name&gt;*/</c> of <paramref name="sql"/>, or with
    /// <paramref name="placeholder"/> the lone marker <c>/*&lt;name&gt;*/</c>, by what <paramref name="replace"/> makes
    /// of its text.
    /// </summary>
    private static string ReplaceRegion(string sql, string name, Func<string, string> replace, bool placeholder = false)
    {
        var open = $"/*<{name}>*/";
        var close = $"/*</{name}>*/";
        var start = sql.IndexOf(open, StringComparison.Ordinal);
        var end = placeholder ? start + open.Length : sql.IndexOf(close, start + 1, StringComparison.Ordinal);
        if (start < 0 || end < 0)
            throw new InvalidOperationException($"A script lacks its {open} region.");
        var inner = placeholder ? "" : sql[(start + open.Length)..end];
        return sql[..start] + replace(inner) + sql[(end + (placeholder ? 0 : close.Length))..];
    }

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
