using Fifo.Backfill.Runs;

namespace Fifo.Backfill.Planning;

/// <summary>A planned and recorded run: its first record and its batches (all Pending).</summary>
internal sealed record RunPlan(RunRecord Run, IReadOnlyList<BatchRecord> Batches);
