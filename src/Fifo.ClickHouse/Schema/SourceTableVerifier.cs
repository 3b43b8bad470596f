using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Schema;

/// <summary>
/// Checks that the configured source tables carry every column the project reads. On a real deployment those tables
/// predate us and are never altered, so a missing column is reported by name instead of failing deep inside a query.
/// </summary>
public sealed class SourceTableVerifier(ClickHouseConnectionFactory connections, IOptions<TableNames> tables)
{
    private const string ColumnsSql =
        "SELECT name FROM system.columns WHERE database = {database:String} AND table = {table:String}";

    /// <exception cref="SchemaMismatchException">A source table is missing or lacks required columns.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        await CheckAsync(nameof(TableNames.Fills), tables.Value.Fills, SourceTables.FillColumns, problems, cancellationToken);
        await CheckAsync(nameof(TableNames.Resolutions), tables.Value.Resolutions, SourceTables.ResolutionColumns, problems, cancellationToken);
        if (problems.Count > 0)
            throw new SchemaMismatchException(string.Join(Environment.NewLine, problems)
                + $"{Environment.NewLine}Existing tables are never altered: add the columns, or point {TableNames.Section}:<key> at a table that has them.");
    }

    /// <summary>The column names of <paramref name="table"/> in the configured database; empty when it does not exist.</summary>
    public async Task<IReadOnlySet<string>> GetColumnsAsync(string table, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            ColumnsSql, QueryParameters.From(new { database = connections.Database, table }), cancellationToken: cancellationToken));
        return names.ToHashSet(StringComparer.Ordinal);
    }

    private async Task CheckAsync(string key, string table, IReadOnlyList<SourceColumn> expected, List<string> problems, CancellationToken cancellationToken)
    {
        var actual = await GetColumnsAsync(table, cancellationToken);
        if (actual.Count == 0)
        {
            problems.Add($"{TableNames.Section}:{key}: table {connections.Database}.{table} does not exist.");
            return;
        }
        var missing = expected
            .Select(column => column.Name)
            .Where(name => !actual.Contains(name))
            .ToList();
        if (missing.Count > 0)
            problems.Add($"{TableNames.Section}:{key}: table {connections.Database}.{table} lacks column(s) {string.Join(", ", missing)}.");
    }
}
