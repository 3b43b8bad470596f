namespace Fifo.Embedded.Engine;

/// <summary>An error chDB reported, text as ClickHouse writes it ("Code: N. DB::Exception: ...").</summary>
internal sealed class ChdbQueryException(string message) : Exception(message)
{
    public int Code => ErrorCodes.Parse(Message);
}
