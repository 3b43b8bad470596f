using System.CommandLine;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo demo-data</c>: a deterministic synthetic Polymarket data set generated inside ClickHouse.</summary>
public sealed class DemoDataCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var wallets = new Option<int>("--wallets") { Description = "Distinct wallets (a few whales, a long tail).", DefaultValueFactory = _ => DemoDataRequest.DefaultWallets, HelpName = "N" };
        var markets = new Option<int>("--markets") { Description = "Distinct markets (conditions).", DefaultValueFactory = _ => DemoDataRequest.DefaultMarkets, HelpName = "N" };
        var fills = new Option<long>("--fills") { Description = "Fills to generate (self-fill maker legs and stale duplicates come on top, ~1%).", DefaultValueFactory = _ => DemoDataRequest.DefaultFills, HelpName = "N" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed and sizes give the same rows.", DefaultValueFactory = _ => DemoDataRequest.DefaultSeed, HelpName = "N" };
        var append = new Option<bool>("--append") { Description = "Add to source tables that already hold rows (refused otherwise)." };
        var command = new Command("demo-data",
            "Generate realistic synthetic fills and resolutions into the source tables: whales and a long tail of wallets, " +
            "partial exits, split-and-sell shorts, maker/taker legs and self-fills, non-clob rows, resolved, unresolved and " +
            "50-50 markets (re-resolved, deleted rows), duplicated fill rows.")
        {
            wallets, markets, fills, seed, append,
        };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            var request = new DemoDataRequest
            {
                Wallets = parseResult.GetValue(wallets),
                Markets = parseResult.GetValue(markets),
                Fills = parseResult.GetValue(fills),
                Seed = parseResult.GetValue(seed),
                AllowNonEmpty = parseResult.GetValue(append),
            };
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var generator = services.GetRequiredService<DemoDataGenerator>();
            var result = await LiveProgress.RunAsync(cli.Output, "demo data", task =>
                generator.GenerateAsync(request, task is null ? null : new CallbackProgress<DemoDataStep>(step =>
                {
                    task.IsIndeterminate = false;
                    task.Value = 100.0 * (step.Number - 1) / step.Of;
                    task.Description = $"step {step.Number}/{step.Of}: {step.Name}";
                }), ct));
            await cli.Output.Error.WriteLineAsync(
                $"Generated {result.FillRows:N0} fill rows and {result.ResolutionRows:N0} resolution rows in {result.Elapsed.TotalSeconds:N1} s (seed {request.Seed}).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
