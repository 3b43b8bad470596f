using Fifo.Cli;

var output = CliOutput.FromConsole();
var exitCode = await FifoCli.RunAsync(args, output);
await output.Out.FlushAsync();
return exitCode;
