namespace Fifo.ClickHouse.DemoData;

/// <summary>Rows added; fill rows include self-fill maker legs and stale duplicates on top of the requested fills.</summary>
public sealed record DemoDataResult(long FillRows, long ResolutionRows, TimeSpan Elapsed);
