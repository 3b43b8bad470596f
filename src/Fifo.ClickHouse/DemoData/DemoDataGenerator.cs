using System.Diagnostics;
using ClickHouse.Driver.Utility;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClickHouseConnection = ClickHouse.Driver.ADO.ClickHouseConnection;

namespace Fifo.ClickHouse.DemoData;

/// <summary>
/// Generates a realistic synthetic Polymarket data set inside ClickHouse (<c>INSERT … SELECT</c> over
/// <c>numbers()</c>, every value a seeded hash): markets and their resolution history, then trading episodes and
/// their fills. The scripts in Sql/DemoData describe what the data contains.
/// </summary>
public sealed class DemoDataGenerator(
    ClickHouseConnectionFactory connections,
    SqlScripts scripts,
    IOptions<TableNames> tables,
    ILogger<DemoDataGenerator> logger)
{
    private const string Folder = "DemoData";
    private const string DropHelpersScript = "DemoData/drop_helpers.sql";
    // Steps (numbered scripts, named without the number) whose rows the result reports.
    private const string FillsStep = "fills";
    private const string ResolutionsStep = "resolutions";

    /// <summary>
    /// Episodes drawn per requested fill. An episode averages about 7.5 fills, so this always leaves enough; the
    /// surplus is cut off by the fills script.
    /// </summary>
    private const double EpisodesPerFill = 1.0 / 6;

    // The helper tables have fixed names (derived from the fills table), so generations must not overlap.
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <exception cref="ArgumentException">The request's sizes are invalid.</exception>
    /// <exception cref="DemoDataNotEmptyException">The source tables hold data and <see cref="DemoDataRequest.AllowNonEmpty"/> is false.</exception>
    public async Task<DemoDataResult> GenerateAsync(
        DemoDataRequest request, IProgress<DemoDataStep>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = request.Validate();
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid demo data request: {string.Join("; ", problems)}.", nameof(request));

        await gate.WaitAsync(cancellationToken);
        try
        {
            return await GenerateLockedAsync(request, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when the fills table has no rows: the web app loads demo data on first start only then.</summary>
    public async Task<bool> SourceTablesEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (fills, resolutions) = await CountAsync(connection, cancellationToken);
        return fills == 0 && resolutions == 0;
    }

    private async Task<DemoDataResult> GenerateLockedAsync(DemoDataRequest request, IProgress<DemoDataStep>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (fillsBefore, resolutionsBefore) = await CountAsync(connection, cancellationToken);
        if (!request.AllowNonEmpty && (fillsBefore > 0 || resolutionsBefore > 0))
            throw new DemoDataNotEmptyException(
                $"{tables.Value.Fills} has {fillsBefore:N0} rows and {tables.Value.Resolutions} {resolutionsBefore:N0}; " +
                "demo data only goes into empty tables unless appending is asked for explicitly.");

        var parameters = new Dictionary<string, object>
        {
            ["seed"] = request.Seed,
            ["wallets"] = (uint)request.Wallets,
            ["markets"] = (uint)request.Markets,
            ["fills"] = (ulong)request.Fills,
            ["episodes"] = (ulong)(request.Fills * EpisodesPerFill) + (ulong)request.Wallets + (ulong)request.Markets + 1000,
        };
        logger.LogInformation("Generating demo data: {Wallets} wallets, {Markets} markets, {Fills} fills, seed {Seed}",
            request.Wallets, request.Markets, request.Fills, request.Seed);

        // The rows go into staging copies of the two tables and are attached once every step has succeeded, so a
        // failed, cancelled or killed first start never leaves half a data set that stops the next one loading. The
        // copies are import tables: a killed generation leaves only those, dropped by the next generation or import.
        await ImportTables.DropOrphansAsync(connection, connections.Database, logger, cancellationToken);
        var fillsTable = tables.Value.Fills;
        var resolutionsTable = tables.Value.Resolutions;
        var staging = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FillsTarget"] = $"{ImportTables.TablePrefix}demo_fills_{Guid.NewGuid():N}",
            ["ResolutionsTarget"] = $"{ImportTables.TablePrefix}demo_resolutions_{Guid.NewGuid():N}",
        };
        var written = new Dictionary<string, long>();
        var steps = SqlScripts.List(Folder).Where(path => path != DropHelpersScript).ToList();
        using var fillsInUse = await ImportTables.CreateAsync(connection, staging["FillsTarget"], $"AS {fillsTable}", cancellationToken);
        using var resolutionsInUse = await ImportTables.CreateAsync(connection, staging["ResolutionsTarget"], $"AS {resolutionsTable}", cancellationToken);
        try
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var name = StepName(steps[i]);
                progress?.Report(new DemoDataStep(i + 1, steps.Count, name));
                var stepWatch = Stopwatch.StartNew();
                long rows = 0;
                foreach (var statement in scripts.GetStatements(steps[i], staging))
                    rows += await ExecuteAsync(connection, statement, parameters, cancellationToken);
                written[name] = rows;
                logger.LogInformation("Demo data step {Step} wrote {Rows} rows in {ElapsedMs} ms", name, rows, stepWatch.ElapsedMilliseconds);
            }
            var commit = new ImportCommit(connection, logger);
            await commit.CommitSameShapeAsync(resolutionsTable, staging["ResolutionsTarget"], ColumnNames(SourceTables.ResolutionColumns), cancellationToken);
            await commit.CommitSameShapeAsync(fillsTable, staging["FillsTarget"], ColumnNames(SourceTables.FillColumns), cancellationToken);
        }
        finally
        {
            foreach (var statement in scripts.GetStatements(DropHelpersScript))
                await ExecuteAsync(connection, statement, parameters, CancellationToken.None);
            foreach (var table in staging.Values)
                await ImportTables.DropQuietlyAsync(connection, table, logger);
        }

        var result = new DemoDataResult(written.GetValueOrDefault(FillsStep), written.GetValueOrDefault(ResolutionsStep), stopwatch.Elapsed);
        logger.LogInformation("Demo data: {FillRows} fill rows and {ResolutionRows} resolution rows in {ElapsedMs} ms",
            result.FillRows, result.ResolutionRows, (long)result.Elapsed.TotalMilliseconds);
        return result;
    }

    private static List<string> ColumnNames(IReadOnlyList<SourceColumn> columns) => columns.Select(c => c.Name).ToList();

    /// <summary>Runs one statement; returns the rows it wrote (from the server's summary), which later merges cannot change.</summary>
    private static async Task<long> ExecuteAsync(
        ClickHouseConnection connection, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.AddParameter(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return command.QueryStats?.WrittenRows ?? 0;
    }

    private async Task<(long Fills, long Resolutions)> CountAsync(ClickHouseConnection connection, CancellationToken cancellationToken)
    {
        var counts = await connection.QuerySingleAsync<(ulong, ulong)>(new CommandDefinition(
            scripts.Render("SELECT (SELECT count() FROM {{Fills}}), (SELECT count() FROM {{Resolutions}})"),
            cancellationToken: cancellationToken));
        return ((long)counts.Item1, (long)counts.Item2);
    }

    // "DemoData/3_episodes.sql" -> "episodes"
    private static string StepName(string scriptPath)
    {
        var file = Path.GetFileNameWithoutExtension(scriptPath);
        return file[(file.IndexOf('_') + 1)..].Replace('_', ' ');
    }
}
