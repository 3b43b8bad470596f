namespace Fifo.ClickHouse.Engine;

/// <summary>What one batch of <see cref="FifoSqlEngine"/> did.</summary>
/// <param name="RowsWritten">Rows appended to the lots table (resolved and closed lots; the open lots the computation
/// keeps in the open-lots table are not counted).</param>
/// <param name="Wallets">Wallets committed: one summary row each, wallets without lots included.</param>
/// <param name="FillsRead">Fill rows of the range read by the computation (duplicates and rows that do not count included).</param>
/// <param name="Elapsed">Wall time of the whole batch.</param>
public sealed record BatchResult(long RowsWritten, long Wallets, long FillsRead, TimeSpan Elapsed);
