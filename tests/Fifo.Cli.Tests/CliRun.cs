using Fifo.Testing;
using Fifo.Testing.ClickHouse;

namespace Fifo.Cli.Tests;

/// <summary>One in-process run of the CLI: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await FifoCli.RunAsync(args, new CliOutput(output, error, interactive: false));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs against a test database: <c>--connection</c> to the engine and a <c>--config</c> file naming the database.</summary>
    public static async Task<CliRun> RunAsync(ClickHouseTestDatabase db, params string[] args)
    {
        using var config = TempFile.Json(new { ClickHouse = new { db.Database } });
        return await RunAsync([.. args, "--connection", db.ServerConnectionString, "--config", config.Path]);
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
