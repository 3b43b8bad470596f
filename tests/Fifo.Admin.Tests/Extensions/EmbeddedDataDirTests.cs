using Fifo.Admin.Tests.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Admin.Tests.Extensions;

public sealed class EmbeddedDataDirTests
{
    /// <summary>Resolved against the content root, an empty data directory would silently be the repository root.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_embedded_data_directory_stops_the_start_with_a_message(string dataDir)
    {
        var settings = new Dictionary<string, string?> { ["ClickHouse:ConnectionString"] = "", ["Embedded:DataDir"] = dataDir };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminAppHost.StartAsync(settings));

        Assert.Contains("Embedded:DataDir must name a directory.", error.Message);
    }
}
