using Fifo.Bench;

// fifo-bench: the SQL FIFO engine's benchmark (bench/README.md). Exit codes: 0 ok, 1 failed, 2 bad input.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var command = "bench/run.sh " + string.Join(' ', args);
    var figures = await new BenchRunner(options, Console.Out).RunAsync(command, cancel.Token);
    var markdown = figures.ToMarkdown();
    Console.WriteLine();
    Console.WriteLine(markdown);
    if (options.Output is { } output)
        await File.AppendAllTextAsync(output, markdown + Environment.NewLine);
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 1;
}
catch (Exception e) when (e is InvalidOperationException or IOException or ClickHouse.Driver.ClickHouseServerException)
{
    Console.Error.WriteLine($"Benchmark failed: {e.Message}");
    return 1;
}
