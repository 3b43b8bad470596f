namespace Fifo.Embedded.Native;

/// <summary>libchdb.so is missing, unloadable, or not the expected version.</summary>
internal sealed class ChdbLibraryException(string message, Exception? inner = null) : Exception(message, inner);
