namespace Fifo.ClickHouse.Engine;

/// <summary>What one batch of <see cref="FifoSqlEngine"/> did.</summary>
/// <param name="RowsWritten">Lot rows appended (resolved and closed lots; open lots are not stored).</param>
/// <param name="Wallets">Wallets committed: one summary row each, wallets without lots included.</param>
/// <param name="FillsRead">Fill rows of the range read by the computation (duplicates and rows that do not count included).</param>
/// <param name="Elapsed">Wall time of the whole batch.</param>
public sealed record BatchResult(long RowsWritten, long Wallets, long FillsRead, TimeSpan Elapsed);
