using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Cli.Tests;

/// <summary>Environment variables are process-wide, so these tests run alone (after the parallel ones).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariablesCollection
{
    public const string Name = "environment variables";
}

[Collection(EnvironmentVariablesCollection.Name)]
public sealed class ConfigurationPrecedenceTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Environment_beats_the_config_file_and_the_command_line_beats_both()
    {
        using var config = TempFile.Json(new { ClickHouse = new { Database = "from_config_file", ConnectionString = "Host=127.0.0.1;Port=9" } });
        using var _ = new EnvironmentVariable("FIFO_ClickHouse__Database", db.Database);
        using var __ = new EnvironmentVariable("ClickHouse__ConnectionString", "Host=127.0.0.1;Port=10");

        // Standard ClickHouse__ConnectionString (port 10) beats the file (port 9); --connection beats it.
        var unreachable = await CliRun.RunAsync("info", "--config", config.Path);
        var run = await CliRun.RunAsync("info", "--config", config.Path, "--connection", db.ServerConnectionString);

        Assert.Equal(ExitCodes.Failed, unreachable.ExitCode);
        Assert.Contains(":10", unreachable.Error);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"database\t{db.Database}", run.Out);
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string name;
        private readonly string? previous;

        public EnvironmentVariable(string name, string value)
        {
            this.name = name;
            previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
    }
}
