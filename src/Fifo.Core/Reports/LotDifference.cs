using Fifo.Core.Model;

namespace Fifo.Core.Reports;

/// <summary>A stored row that differs from the reference engine's (either side may be missing).</summary>
public sealed record LotDifference(string Key, LotRow? Stored, LotRow? Reference, string Description);
