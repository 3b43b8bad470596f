namespace Fifo.Core.Model;

/// <summary>One row of the fills table (one wallet leg of one fill), as the spec's Input section defines it.</summary>
public sealed record Fill(
    string FillId,
    string TxHash,
    string Wallet,
    string ConditionId,
    byte OutcomeIndex,
    double TokensDelta,
    double UsdcDelta,
    DateTime EventTime,
    string Source,
    bool IsMaker,
    bool IsSelfFill,
    ulong BlockNumber = 0,
    ulong Version = 0);
