using System.CommandLine;
using System.Text;
using Fifo.ClickHouse.Connection;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo query "SQL"</c>: runs one statement and streams ClickHouse's own TSV (with a header row) to stdout.</summary>
public sealed class QueryCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var sql = new Argument<string>("SQL") { Description = "One statement, e.g. \"SELECT wallet, count() FROM pm_canonical_fills_v4_deduped GROUP BY wallet\". A FORMAT clause in it wins over TSV." };
        var command = new Command("query", "Run an ad-hoc statement in the configured database; results as tab-separated values with a header row.") { sql };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            var connections = services.GetRequiredService<ClickHouseConnectionFactory>();
            await using var connection = await connections.OpenAsync(ct);
            await using var statement = connection.CreateCommand(parseResult.GetRequiredValue(sql));
            // The server formats the rows (exactly as clickhouse-client would); we only pass the bytes through.
            statement.CustomSettings["default_format"] = "TabSeparatedWithNames";
            using var result = await statement.ExecuteRawResultAsync(ct);
            await using var body = await result.ReadDecompressedStreamAsync();
            using var text = new StreamReader(body, Encoding.UTF8);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await text.ReadAsync(buffer, ct)) > 0)
                await cli.Output.Out.WriteAsync(buffer.AsMemory(0, read), ct);
            await cli.Output.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
