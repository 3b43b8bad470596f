using System.Text;
using Fifo.Embedded.Native;

namespace Fifo.Embedded.Engine;

/// <summary>
/// A chDB connection plus the settings and database requests change on it. What a request may rely on: chDB's own
/// settings of a new connection, plus the connection's baseline (nothing for a pooled connection; what SET and USE did
/// for a session's connection), plus the request's own URL settings. Whatever an earlier request added goes back.
/// </summary>
internal sealed class EngineConnection : IDisposable
{
    public const string DefaultDatabase = "default";
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoParameters = [];

    /// <summary>
    /// What every request starts from: the settings chDB itself changes on a new connection (implicit_select, ...),
    /// then for a session what its own SET statements did.
    /// </summary>
    private Dictionary<string, string> baselineSettings;
    /// <summary>What the connection has now: every setting that differs from ClickHouse's default.</summary>
    private Dictionary<string, string> currentSettings;
    private string baselineDatabase = DefaultDatabase;
    private string currentDatabase = DefaultDatabase;

    public EngineConnection(ChdbConnection native, int id)
    {
        Native = native;
        Id = id;
        baselineSettings = ReadChangedSettings();
        currentSettings = new Dictionary<string, string>(baselineSettings, StringComparer.Ordinal);
    }

    public ChdbConnection Native { get; }

    public int Id { get; }

    /// <summary>
    /// Brings the connection to its baseline plus <paramref name="settings"/>, in <paramref name="database"/> (or the
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

        foreach (var name in currentSettings.Keys.Where(name => !wanted.ContainsKey(name)).ToList())
        {
            Execute($"SET {SqlIdentifier.Quote(name)} = DEFAULT");
            currentSettings.Remove(name);
        }

        foreach (var (name, value) in wanted)
        {
            if (currentSettings.TryGetValue(name, out var current) && current == value)
                continue;
            // Forget the old value first: if SET fails, the next request must not assume either value.
            currentSettings.Remove(name);
            Execute($"SET {SqlIdentifier.Quote(name)} = {SqlLiteral.Quote(value)}");
            currentSettings[name] = value;
        }
    }

    /// <summary>
    /// After a session ran SET, USE or another control statement itself: what the connection now has becomes the
    /// baseline its later requests start from.
    /// </summary>
    public void AdoptCurrentStateAsBaseline()
    {
        currentSettings = ReadChangedSettings();
        baselineSettings = new Dictionary<string, string>(currentSettings, StringComparer.Ordinal);
        baselineDatabase = currentDatabase = ReadCurrentDatabase();
    }

    /// <summary>
    /// After a pooled connection ran a control statement (SET, USE, ...) outside a session: such a statement lasts for
    /// its own request only in ClickHouse. Reads back what it changed, so the next <see cref="Prepare"/> undoes it.
    /// </summary>
    public void ForgetStatementState()
    {
        currentSettings = ReadChangedSettings();
        currentDatabase = ReadCurrentDatabase();
    }

    /// <summary>Runs a statement whose answer is not needed; an error becomes a <see cref="ChdbQueryException"/>.</summary>
    public void Execute(string sql)
    {
        using var result = Native.Query(sql, "TabSeparated", NoParameters);
        if (result.Error is { } error)
            throw new ChdbQueryException(error);
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

    public void Dispose() => Native.Dispose();
}
