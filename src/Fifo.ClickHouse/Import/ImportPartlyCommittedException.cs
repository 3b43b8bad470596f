namespace Fifo.ClickHouse.Import;

/// <summary>
/// Attaching an import to a partitioned target failed after some partitions were attached: their rows are in the
/// target, the others' are not. Importing the same file again would repeat the attached rows (a ReplacingMergeTree
/// target collapses them); the message names both sets so an operator can decide.
/// </summary>
public sealed class ImportPartlyCommittedException(
    string target, IReadOnlyList<string> attached, IReadOnlyList<string> notAttached, Exception inner)
    : Exception(
        $"The import into {target} stopped after attaching partition(s) {string.Join(", ", attached)}; " +
        $"partition(s) {string.Join(", ", notAttached)} were not attached: {inner.Message}", inner)
{
    public IReadOnlyList<string> Attached { get; } = attached;
    public IReadOnlyList<string> NotAttached { get; } = notAttached;
}
