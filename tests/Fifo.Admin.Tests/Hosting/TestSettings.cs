using Fifo.Admin.Security;
using Fifo.Testing.ClickHouse;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>Settings for an <see cref="AdminAppHost"/> on a test class's own database in the shared test engine.</summary>
public static class TestSettings
{
    public const string User = "operator";
    public const string Password = "test password 1";

    public static Dictionary<string, string?> For(ClickHouseTestDatabase db, bool withLogin = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = db.ServerConnectionString,
            ["ClickHouse:Database"] = db.Database,
            ["Backfill:Workers"] = "2",
            ["Backfill:BatchFills"] = "10000",
        };
        if (withLogin)
        {
            settings["Admin:User"] = User;
            settings["Admin:PasswordHash"] = AdminCredentials.HashPassword(Password);
        }
        return settings;
    }
}
