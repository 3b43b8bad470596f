using System.Security.Cryptography;
using System.Text;
using ClickHouseConnection = ClickHouse.Driver.ADO.ClickHouseConnection;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Microsoft.Extensions.Logging;

namespace Fifo.ClickHouse.Schema;

/// <summary>
/// Brings the configured database up to the embedded migrations: creates the database when missing, applies every
/// <c>Sql/Migrations/NNN_name.sql</c> not yet recorded with its current text, records it, then verifies the source tables.
/// A migration is applied again when its text after table-name substitution changes (e.g. a table was renamed in
/// configuration), so every migration must be idempotent (<c>CREATE … IF NOT EXISTS</c>).
/// </summary>
public sealed class SchemaMigrator(
    ClickHouseConnectionFactory connections,
    SqlScripts scripts,
    SourceTableVerifier verifier,
    ILogger<SchemaMigrator> logger)
{
    private const string AppliedSql =
        "SELECT version, name, checksum, applied_at FROM {{Migrations}} FINAL ORDER BY version, applied_at";
    private const string RecordSql =
        "INSERT INTO {{Migrations}} (version, name, checksum, applied_at) " +
        "VALUES ({version:UInt32}, {name:String}, {checksum:String}, now64(3))";

    private readonly SemaphoreSlim gate = new(1, 1);
    private Task<MigrationReport>? migrated;

    /// <summary>All embedded migrations in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    /// <summary>Runs <see cref="MigrateAsync"/> once per process; later calls return the first run's report.</summary>
    public async Task<MigrationReport> EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (migrated is null || migrated.IsFaulted || migrated.IsCanceled)
                migrated = MigrateAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
        return await migrated;
    }

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await CreateDatabaseAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await ExecuteScriptAsync(connection, "Schema/create_migrations_table.sql", cancellationToken);

        var applied = await ReadAppliedAsync(connection, cancellationToken);
        var appliedNow = new List<Migration>();
        foreach (var migration in Migrations)
        {
            var checksum = Checksum(scripts.Get(migration.ScriptPath));
            if (applied.Any(a => a.Version == migration.Version && a.Checksum == checksum))
                continue;

            logger.LogInformation("Applying migration {Version:000} {Name} to {Database}", migration.Version, migration.Name, connections.Database);
            await ExecuteScriptAsync(connection, migration.ScriptPath, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                scripts.Render(RecordSql),
                QueryParameters.From(new { version = (uint)migration.Version, name = migration.Name, checksum }),
                cancellationToken: cancellationToken));
            appliedNow.Add(migration);
        }

        await verifier.VerifyAsync(cancellationToken);
        var version = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        logger.LogInformation("Schema of {Database} is at version {SchemaVersion}; {AppliedCount} migration(s) applied now",
            connections.Database, version, appliedNow.Count);
        return new MigrationReport(connections.Database, appliedNow, version);
    }

    /// <summary>The migrations table's records, oldest first per version; empty when nothing was ever applied.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAppliedAsync(connection, cancellationToken);
    }

    private async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(ClickHouseConnection connection, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<byte>(new CommandDefinition(
            "SELECT count() > 0 FROM system.tables WHERE database = {database:String} AND name = {table:String}",
            QueryParameters.From(new { database = connections.Database, table = scripts.Render("{{Migrations}}") }),
            cancellationToken: cancellationToken));
        if (exists == 0)
            return [];
        var rows = await connection.QueryAsync<AppliedMigration>(new CommandDefinition(
            scripts.Render(AppliedSql), cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWithoutDatabaseAsync(cancellationToken);
        // The name is validated as a plain identifier (ClickHouseOptionsValidator); DDL takes no parameters.
        await connection.ExecuteAsync(new CommandDefinition(
            $"CREATE DATABASE IF NOT EXISTS `{connections.Database}`", cancellationToken: cancellationToken));
    }

    private async Task ExecuteScriptAsync(ClickHouseConnection connection, string scriptPath, CancellationToken cancellationToken)
    {
        foreach (var statement in scripts.GetStatements(scriptPath))
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken));
    }

    private static string Checksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static IReadOnlyList<Migration> LoadMigrations()
    {
        var migrations = SqlScripts.List(Migration.Folder).Select(Migration.FromScriptPath).OrderBy(m => m.Version).ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(m => m.ScriptPath))} share version {duplicate.Key:000}.");
    }
}
