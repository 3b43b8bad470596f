namespace Fifo.Embedded;

/// <summary>The embedded engine could not start, crashed, or stopped answering; the message says which and why.</summary>
public sealed class EmbeddedClickHouseException : Exception
{
    public EmbeddedClickHouseException(string message)
        : base(message)
    {
    }

    public EmbeddedClickHouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
