using Fifo.ClickHouse.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Embedded.Tests.Launcher;

/// <summary>AddClickHouseEndpoint picks the server when one is configured, the embedded engine otherwise.</summary>
public sealed class EndpointRegistrationTests
{
    [Fact]
    public async Task Configured_connection_string_selects_the_server()
    {
        await using var services = Build(new() { ["ClickHouse:ConnectionString"] = "Host=ch.example.com;Port=8443;Protocol=https;Username=u;Password=secret" });
        var endpoint = services.GetRequiredService<IClickHouseEndpoint>();
        Assert.IsType<ServerEndpoint>(endpoint);
        Assert.False(endpoint.IsEmbedded);
        Assert.Equal("server https://ch.example.com:8443", endpoint.Description);
        Assert.DoesNotContain("secret", endpoint.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_connection_string_selects_the_embedded_engine_with_its_options()
    {
        await using var services = Build(new() { ["Embedded:DataDir"] = "/tmp/somewhere", ["Embedded:PoolSize"] = "6", ["Embedded:StartTimeout"] = "00:00:30" });
        var endpoint = services.GetRequiredService<IClickHouseEndpoint>();
        var embedded = Assert.IsType<EmbeddedClickHouse>(endpoint);
        Assert.True(embedded.IsEmbedded);
        Assert.Equal("/tmp/somewhere", embedded.DataDirectory);
        Assert.Same(embedded, services.GetRequiredService<EmbeddedClickHouse>());
        var options = services.GetRequiredService<IOptions<EmbeddedOptions>>().Value;
        Assert.Equal(6, options.PoolSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StartTimeout);
    }

    [Fact]
    public async Task Invalid_embedded_options_name_every_problem()
    {
        await using var services = Build(new() { ["Embedded:PoolSize"] = "0", ["Embedded:Port"] = "70000", ["Embedded:DataDir"] = " " });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IClickHouseEndpoint>());
        Assert.Contains("Embedded:PoolSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded:Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded:DataDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_data_directory_is_relative_to_the_current_directory()
    {
        var options = new EmbeddedOptions();
        Assert.Equal("./data/clickhouse", options.DataDir);
        Assert.Equal(Path.GetFullPath("./data/clickhouse"), new EmbeddedClickHouse(options).DataDirectory);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddClickHouseEndpoint(configuration).BuildServiceProvider();
    }
}
