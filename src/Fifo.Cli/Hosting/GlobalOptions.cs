using System.CommandLine;

namespace Fifo.Cli.Hosting;

/// <summary>Options every command accepts (recursive), deciding which ClickHouse the command talks to.</summary>
public sealed class GlobalOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data directory of the embedded engine (default ./data/clickhouse); ignored with a server connection.",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "ClickHouse.Driver connection string of a server, e.g. \"Host=ch.example;Port=8443;Protocol=https;Username=u;Password=p\". Default: the embedded engine.",
        HelpName = "STRING",
        Recursive = true,
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "JSON settings file applied over appsettings.json (then FIFO_* environment variables and these options win).",
        HelpName = "FILE",
        Recursive = true,
    };

    public IEnumerable<Option> All => [DataDir, Connection, Config];
}
