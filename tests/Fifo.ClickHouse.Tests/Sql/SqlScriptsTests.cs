using Fifo.ClickHouse.Sql;
using Fifo.Core.Options;
using Xunit;
using static Microsoft.Extensions.Options.Options;

namespace Fifo.ClickHouse.Tests.Sql;

public sealed class SqlScriptsTests
{
    private static SqlScripts Scripts(TableNames? tables = null) => new(Create(tables ?? new TableNames()));

    [Fact]
    public void Replaces_table_tokens_with_configured_names()
    {
        var scripts = Scripts(new TableNames { Fills = "my_fills", Lots = "my_lots" });

        Assert.Equal("SELECT * FROM my_fills JOIN my_lots USING (wallet) WHERE x = {x:String}",
            scripts.Render("SELECT * FROM {{Fills}} JOIN {{ Lots }} USING (wallet) WHERE x = {x:String}"));
    }

    [Fact]
    public void Embedded_migrations_are_listed_in_order_and_rendered()
    {
        var migrations = SqlScripts.List("Migrations");

        Assert.Equal("Migrations/001_source_tables.sql", migrations[0]);
        Assert.Equal(migrations.Order(StringComparer.Ordinal), migrations);
        var sql = Scripts(new TableNames { Fills = "f1" }).Get(migrations[0]);
        Assert.Contains("CREATE TABLE IF NOT EXISTS f1", sql);
        Assert.DoesNotContain("{{", sql);
    }

    [Fact]
    public void Unknown_token_is_an_error_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Scripts().Render("SELECT * FROM {{Filz}}"));

        Assert.Contains("{{Filz}}", error.Message);
    }

    [Fact]
    public void Missing_script_is_an_error_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Scripts().Get("Migrations/999_nope.sql"));

        Assert.Contains("999_nope.sql", error.Message);
    }

    [Fact]
    public void A_table_name_that_is_not_an_identifier_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Scripts(new TableNames { Lots = "lots; DROP TABLE x" }));

        Assert.Contains("Tables:Lots", error.Message);
    }
}
