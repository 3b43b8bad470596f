namespace Fifo.ClickHouse.DemoData;

/// <summary>A generation step starting: <paramref name="Number"/> of <paramref name="Of"/>, e.g. "fills".</summary>
public sealed record DemoDataStep(int Number, int Of, string Name);
