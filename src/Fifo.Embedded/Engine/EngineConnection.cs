using System.Text;
using Fifo.Embedded.Native;

namespace Fifo.Embedded.Engine;

/// <summary>
/// A chDB connection plus the state requests change on it. The baseline is what the connection keeps between
/// requests: nothing for a pooled connection, the result of SET/USE statements for a session's connection. Each
/// request runs with exactly the baseline plus its own URL settings; what an earlier request added goes back.
/// </summary>
internal sealed class EngineConnection : IDisposable
{
    public const string DefaultDatabase = "default";
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoParameters = [];

    private readonly Dictionary<string, string> appliedSettings = new(StringComparer.Ordinal);
    private Dictionary<string, string> baselineSettings = new(StringComparer.Ordinal);
    private string baselineDatabase = DefaultDatabase;
    private string currentDatabase = DefaultDatabase;

    public EngineConnection(ChdbConnection native, int id)
    {
        Native = native;
        Id = id;
    }

    public ChdbConnection Native { get; }

    public int Id { get; }

    /// <summary>
    /// Brings the connection to the baseline plus <paramref name="settings"/>, in <paramref name="database"/> (or the
    /// baseline database). Throws <see cref="ChdbQueryException"/> for an unknown setting or database; the bookkeeping
    /// stays true to what the connection really has.
    /// </summary>
    public void Prepare(string? database, IReadOnlyDictionary<string, string> settings)
    {
        var wantedDatabase = string.IsNullOrEmpty(database) ? baselineDatabase : database;
        if (!string.Equals(wantedDatabase, currentDatabase, StringComparison.Ordinal))
        {
            Execute($"USE {SqlIdentifier.Quote(wantedDatabase)}");
            currentDatabase = wantedDatabase;
        }

        var wanted = new Dictionary<string, string>(baselineSettings, StringComparer.Ordinal);
        foreach (var (name, value) in settings)
            wanted[name] = value;

        foreach (var name in appliedSettings.Keys.Where(name => !wanted.ContainsKey(name)).ToList())
        {
            Execute($"SET {SqlIdentifier.Quote(name)} = DEFAULT");
            appliedSettings.Remove(name);
        }

        foreach (var (name, value) in wanted)
        {
            if (appliedSettings.TryGetValue(name, out var applied) && applied == value)
                continue;
            // Forget the old value first: if SET fails, the next request must not assume either value.
            appliedSettings.Remove(name);
            Execute($"SET {SqlIdentifier.Quote(name)} = {SqlLiteral.Quote(value)}");
            appliedSettings[name] = value;
        }
    }

    /// <summary>
    /// After a session ran SET, USE or another control statement itself: what the connection now has becomes the
    /// baseline its later requests start from.
    /// </summary>
    public void AdoptCurrentStateAsBaseline()
    {
        var changed = ReadChangedSettings();
        baselineSettings = changed;
        appliedSettings.Clear();
        foreach (var (name, value) in changed)
            appliedSettings[name] = value;
        baselineDatabase = currentDatabase = ReadCurrentDatabase();
    }

    /// <summary>
    /// After a pooled connection ran a control statement (SET, USE, ...) outside a session: such a statement only
    /// lasts for its own request in ClickHouse, so whatever it changed goes back.
    /// </summary>
    public void UndoStatementState()
    {
        var changed = ReadChangedSettings();
        foreach (var name in appliedSettings.Keys.Where(name => !changed.ContainsKey(name)).ToList())
            appliedSettings.Remove(name);
        foreach (var (name, value) in changed)
        {
            if (appliedSettings.TryGetValue(name, out var applied) && applied == value)
                continue;
            Execute($"SET {SqlIdentifier.Quote(name)} = DEFAULT");
            appliedSettings.Remove(name);
        }
        currentDatabase = ReadCurrentDatabase();
    }

    private Dictionary<string, string> ReadChangedSettings()
    {
        using var result = Native.Query("SELECT name, value FROM system.settings WHERE changed", "TabSeparatedRaw", NoParameters);
        if (result.Error is { } error)
            throw new ChdbQueryException(error);
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(result.Data).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
                changed[line[..tab]] = line[(tab + 1)..];
        }
        return changed;
    }

    private string ReadCurrentDatabase()
    {
        using var result = Native.Query("SELECT currentDatabase()", "TabSeparatedRaw", NoParameters);
        if (result.Error is { } error)
            throw new ChdbQueryException(error);
        return Encoding.UTF8.GetString(result.Data).TrimEnd('\n');
    }

    /// <summary>Runs a statement whose answer is not needed; an error becomes a <see cref="ChdbQueryException"/>.</summary>
    public void Execute(string sql)
    {
        using var result = Native.Query(sql, "TabSeparated", NoParameters);
        if (result.Error is { } error)
            throw new ChdbQueryException(error);
    }

    public void Dispose() => Native.Dispose();
}
