namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// The differences found between an actual and an expected result, reported together (the first ones of each
/// comparison), so that a failure shows which wallets and columns are off and how, not just the first row.
/// </summary>
internal sealed class Mismatches(string what)
{
    private const int Shown = 25;
    private readonly List<string> found = [];

    public int Count => found.Count;

    public void Add(string key, string difference) => found.Add($"{key}: {difference}");

    public void Exact<T>(string key, string column, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            Add(key, $"{column} expected {expected}, got {actual}");
    }

    /// <summary>Sums may be added in another order by another batch layout or engine: equal within the spec's 1e-6 USD.</summary>
    public void Close(string key, string column, double expected, double actual, double tolerance = 1e-6)
    {
        if (!(Math.Abs(expected - actual) <= tolerance))
            Add(key, $"{column} expected {expected:R}, got {actual:R} (off by {actual - expected:R})");
    }

    /// <summary>
    /// Matches rows by key: every expected row must be there once, with no row beyond them; <paramref name="compare"/>
    /// checks the columns of each pair.
    /// </summary>
    public void CompareByKey<T>(IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> key, Action<string, T, T> compare)
    {
        var actualByKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in actual)
            if (!actualByKey.TryAdd(key(row), row))
                Add(key(row), "appears more than once");
        var expectedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in expected)
        {
            var k = key(row);
            if (!expectedKeys.Add(k))
                Add(k, "appears more than once in the expected result");
            else if (actualByKey.TryGetValue(k, out var other))
                compare(k, row, other);
            else
                Add(k, "missing");
        }
        foreach (var k in actualByKey.Keys.Where(k => !expectedKeys.Contains(k)))
            Add(k, "not expected");
    }

    public void AssertNone()
    {
        if (found.Count > 0)
            Xunit.Assert.Fail($"{found.Count} differences in {what}:\n  " + string.Join("\n  ", found.Take(Shown)) +
                              (found.Count > Shown ? $"\n  … and {found.Count - Shown} more" : ""));
    }
}
