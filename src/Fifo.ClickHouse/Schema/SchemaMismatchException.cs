namespace Fifo.ClickHouse.Schema;

/// <summary>An existing table lacks columns the project reads. Never fixed by altering the table: the message says what is missing.</summary>
public sealed class SchemaMismatchException(string message) : Exception(message);
