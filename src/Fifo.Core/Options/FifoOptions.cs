namespace Fifo.Core.Options;

/// <summary>Lot rules that the spec leaves configurable; bound from the "Fifo" section.</summary>
public sealed class FifoOptions
{
    public const string Section = "Fifo";

    /// <summary>An unresolved lot with fewer tokens held than this is closed (spec: 0.01).</summary>
    public double DustTokens { get; set; } = 0.01;
}
