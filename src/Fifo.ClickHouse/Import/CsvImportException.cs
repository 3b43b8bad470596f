namespace Fifo.ClickHouse.Import;

/// <summary>
/// The file is not importable; nothing of it was imported. <see cref="Line"/> (1-based, the header is line 1) and
/// <see cref="Column"/> are set when the problem is in one place.
/// </summary>
public sealed class CsvImportException(string file, long? line, string? column, string reason)
    : Exception(Describe(file, line, column, reason))
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public string? Column { get; } = column;
    public string Reason { get; } = reason;

    private static string Describe(string file, long? line, string? column, string reason) =>
        $"{file}{(line is null ? "" : $", line {line}")}{(column is null ? "" : $", column {column}")}: {reason}";
}
