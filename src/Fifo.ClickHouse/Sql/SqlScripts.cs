using System.Reflection;
using System.Text.RegularExpressions;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Sql;

/// <summary>
/// The project's SQL, embedded from <c>Sql/**/*.sql</c> and addressed by path below <c>Sql/</c>
/// (e.g. <c>"Migrations/001_source_tables.sql"</c>). Every <c>{{Token}}</c> is replaced with the configured
/// <see cref="TableNames"/> property of that name, so table names are never string-built at call sites.
/// Values go in as query parameters (<c>{name:Type}</c>), which these double-brace tokens never touch.
/// </summary>
public sealed partial class SqlScripts
{
    private const string ResourcePrefix = "Sql/";
    private static readonly Assembly ResourceAssembly = typeof(SqlScripts).Assembly;

    private readonly IReadOnlyDictionary<string, string> tableNames;

    public SqlScripts(IOptions<TableNames> tables)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, name) in tables.Value.All())
        {
            if (!TableNames.IdentifierPattern().IsMatch(name))
                throw new InvalidOperationException(
                    $"Configured table name {TableNames.Section}:{key} = '{name}' is not a plain identifier (letters, digits, underscore).");
            names[key] = name;
        }
        tableNames = names;
    }

    /// <summary>Paths of all scripts below <paramref name="folder"/> (e.g. <c>"Migrations"</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = ResourcePrefix + folder.Trim('/') + "/";
        return ResourceAssembly.GetManifestResourceNames()
            .Select(NormalizeResourceName)
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The script's text with every table token replaced.</summary>
    /// <exception cref="InvalidOperationException">No such script, or it uses a token that is not a table name.</exception>
    public string Get(string path) => Render(ReadResource(path), path);

    /// <summary>The script split into statements (on top-level <c>;</c>), tokens replaced; comment-only parts dropped.</summary>
    public IReadOnlyList<string> GetStatements(string path) => SqlStatementSplitter.Split(Get(path));

    /// <summary>
    /// <see cref="GetStatements(string)"/> for a script that also names tables of the caller's own (e.g. the staging
    /// tables demo data is written into): <paramref name="callerTables"/> maps those tokens to table names.
    /// </summary>
    public IReadOnlyList<string> GetStatements(string path, IReadOnlyDictionary<string, string> callerTables)
    {
        foreach (var (token, name) in callerTables)
        {
            if (!TableNames.IdentifierPattern().IsMatch(name))
                throw new ArgumentException($"Table name '{name}' for {{{{{token}}}}} is not a plain identifier.", nameof(callerTables));
        }
        return SqlStatementSplitter.Split(Render(ReadResource(path), path, callerTables));
    }

    /// <summary>Replaces table tokens in SQL that is not an embedded script (e.g. a constant in code).</summary>
    public string Render(string sql) => Render(sql, "inline SQL");

    private string Render(string sql, string origin, IReadOnlyDictionary<string, string>? callerTables = null) =>
        TokenPattern().Replace(sql, match =>
        {
            var token = match.Groups[1].Value;
            return tableNames.TryGetValue(token, out var name) ? name
                : callerTables is not null && callerTables.TryGetValue(token, out var own) ? own
                : throw new InvalidOperationException(
                    $"{origin} uses {{{{{token}}}}}, which is not a table name; known: {string.Join(", ", tableNames.Keys.Concat(callerTables?.Keys ?? []))}.");
        });

    private static string ReadResource(string path)
    {
        var wanted = ResourcePrefix + path.TrimStart('/');
        var resource = ResourceAssembly.GetManifestResourceNames()
            .FirstOrDefault(name => NormalizeResourceName(name) == wanted)
            ?? throw new InvalidOperationException($"No embedded SQL script '{path}' in {ResourceAssembly.GetName().Name}.");
        using var stream = ResourceAssembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // LogicalName is built from %(RecursiveDir), which uses the build machine's path separator.
    private static string NormalizeResourceName(string name) => name.Replace('\\', '/');

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex TokenPattern();
}
