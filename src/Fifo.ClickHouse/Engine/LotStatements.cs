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

    public LotStatements(SqlScripts scripts)
    {
        var compute = scripts.Get("Fifo/compute_lots.sql");
        if (!PerPositionPart().IsMatch(compute))
            throw new InvalidOperationException("compute_lots.sql has no per-position: part.");
        var perWallet = PerPositionPart().Replace(compute, "");
        var perPosition = PerPositionPart().Replace(compute, part => part.Groups["sql"].Value);

        InsertLots = Insert(perWallet);
        InsertOneWalletLots = Insert(perPosition);
        ReadWalletLots = $"SELECT {LotRowColumns}\nFROM\n(\n{perPosition}\n)\nORDER BY ConditionId, OutcomeIndex, EntryTime, TxHash, IsShort";
        CommitWallets = scripts.Get("Fifo/commit_wallets.sql");
        CountBatchFills = scripts.Get("Fifo/batch_fills.sql");

        string Insert(string select) =>
            scripts.Render($"INSERT INTO {{{{Lots}}}} ({StoredColumns})\nSELECT {StoredColumns}\nFROM\n(\n{select}\n)");
    }

    /// <summary>Appends the resolved and closed lots of a wallet range under a new version (arrays per wallet).</summary>
    public string InsertLots { get; }

    /// <summary>
    /// <see cref="InsertLots"/> for a range of one wallet, grouped per position: a whale's rows are computed in blocks
    /// of positions instead of as one set of wallet-sized arrays.
    /// </summary>
    public string InsertOneWalletLots { get; }

    /// <summary>Every lot of one wallet, open lots included when asked, as <see cref="Fifo.Core.Model.LotRow"/>s.</summary>
    public string ReadWalletLots { get; }

    /// <summary>Writes the wallet summary rows that make a version of the range's lots visible.</summary>
    public string CommitWallets { get; }

    /// <summary>How many fill rows a batch reads.</summary>
    public string CountBatchFills { get; }

    /// <summary>A <c>/*per-position: …*/</c> part of compute_lots.sql: left out per wallet, kept per position.</summary>
    [GeneratedRegex(@"/\*per-position:(?<sql>.*?)\*/", RegexOptions.Singleline)]
    private static partial Regex PerPositionPart();
}
