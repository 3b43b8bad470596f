using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;

namespace Fifo.ClickHouse.Reports;

/// <summary>
/// Runs the report scripts under Sql/Reports/ with Dapper: one connection per call, parameters typed in the SQL
/// (<c>{wallet:String}</c>), passed by name through <see cref="QueryParameters"/>.
/// </summary>
public sealed class ReportQueries(ClickHouseConnectionFactory connections, SqlScripts scripts)
{
    /// <summary>The script's text, table names filled in.</summary>
    public string Script(string script) => scripts.Get("Reports/" + script);

    public Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? parameters, CancellationToken cancellationToken) =>
        QuerySqlAsync<T>(Script(script), parameters, cancellationToken);

    /// <summary>Runs SQL built from <see cref="Script"/> (e.g. with a whitelisted fragment filled in).</summary>
    public async Task<IReadOnlyList<T>> QuerySqlAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(
            sql, parameters is null ? null : QueryParameters.From(parameters), cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>For aggregate queries that always return exactly one row.</summary>
    public async Task<T> QuerySingleAsync<T>(string script, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<T>(new CommandDefinition(
            Script(script), parameters is null ? null : QueryParameters.From(parameters), cancellationToken: cancellationToken));
    }
}
