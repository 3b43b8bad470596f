using Fifo.Core.Backfill;

namespace Fifo.Admin.Live;

/// <summary>
/// One delivery of the live feed: the view after it, plus the discrete events since the previous delivery in the
/// order they happened (progress events are coalesced into <see cref="LiveRunView.Progress"/>, never listed).
/// Run and state events are always listed; routine batch events beyond the per-update cap are counted in
/// <see cref="BatchEventsOmitted"/> instead.
/// </summary>
public sealed record LiveUpdate(long Sequence, LiveRunView View, IReadOnlyList<BackfillEvent> Events, int BatchEventsOmitted);
