namespace Fifo.Core.Model;

/// <summary>Status of a lot per the spec: resolved and closed lots are written, open lots only shown.</summary>
public enum LotStatus { Open, Closed, Resolved }

/// <summary>
/// One FIFO lot: one opening fill and side. Property names map 1:1 to the lots table's snake_case columns.
/// <see cref="TxHash"/> holds the opening fill_id (the spec's key).
/// </summary>
public sealed record LotRow
{
    public required string Wallet { get; init; }
    public required string ConditionId { get; init; }
    public required byte OutcomeIndex { get; init; }
    public required string TxHash { get; init; }
    public string OrderId { get; init; } = "";
    public required bool IsShort { get; init; }
    public bool IsMaker { get; init; }
    public required DateTime EntryTime { get; init; }
    public DateTime? ExitTime { get; init; }
    public required double Tokens { get; init; }
    public required double EntryPrice { get; init; }
    public required double CostUsd { get; init; }
    public required double TokensSoldEarly { get; init; }
    public required double TokensHeld { get; init; }
    public required double ExitValue { get; init; }
    public required double PnlUsd { get; init; }
    public required double Roi { get; init; }
    public required double PctSoldEarly { get; init; }
    public double PayoutRate { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public required bool IsClosed { get; init; }

    public LotStatus Status => ResolvedAt is not null ? LotStatus.Resolved : IsClosed ? LotStatus.Closed : LotStatus.Open;
}
