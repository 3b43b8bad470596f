using Fifo.Cli;

return await FifoCli.RunAsync(args, CliOutput.FromConsole());
