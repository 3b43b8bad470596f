namespace Fifo.ClickHouse.DemoData;

/// <summary>The source tables already hold data and the request did not allow adding to it.</summary>
public sealed class DemoDataNotEmptyException(string message) : Exception(message);
