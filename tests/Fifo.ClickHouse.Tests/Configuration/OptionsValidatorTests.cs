using Fifo.ClickHouse.Connection;
using Fifo.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.ClickHouse.Tests.Configuration;

public sealed class OptionsValidatorTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddFifoClickHouse(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Valid_defaults_bind()
    {
        using var services = Services(("Tables:Lots", "lots_x"), ("Fifo:DustTokens", "0.5"));

        Assert.Equal("lots_x", services.GetRequiredService<IOptions<TableNames>>().Value.Lots);
        Assert.Equal(0.5, services.GetRequiredService<IOptions<FifoOptions>>().Value.DustTokens);
        Assert.Equal("default", services.GetRequiredService<IOptions<ClickHouseOptions>>().Value.Database);
    }

    [Theory]
    [InlineData("Tables:Fills", "fills-with-dash", "Tables:Fills")]
    [InlineData("Tables:Lots", "pm_canonical_fills_v4_deduped", "Fills, Lots")]
    [InlineData("ClickHouse:Database", "a.b", "ClickHouse:Database")]
    [InlineData("ClickHouse:QueryTimeout", "-00:00:01", "ClickHouse:QueryTimeout")]
    [InlineData("Fifo:DustTokens", "-1", "Fifo:DustTokens")]
    [InlineData("Fifo:DustTokens", "0", "Fifo:DustTokens must be a finite number > 0")]
    [InlineData("Fifo:DustTokens", "NaN", "Fifo:DustTokens")]
    public void Invalid_settings_fail_with_a_message_naming_the_key(string key, string value, string expected)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<TableNames>>().Value;
            _ = services.GetRequiredService<IOptions<ClickHouseOptions>>().Value;
            _ = services.GetRequiredService<IOptions<FifoOptions>>().Value;
        });
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Registering_twice_registers_each_validator_once()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddFifoClickHouse(configuration).AddFifoClickHouse(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TableNames>));
        Assert.Single(services, d => d.ServiceType == typeof(ClickHouseConnectionFactory));
    }
}
