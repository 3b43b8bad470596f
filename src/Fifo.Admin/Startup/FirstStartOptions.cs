namespace Fifo.Admin.Startup;

/// <summary>
/// Bound from "Admin:FirstStart": what the console does when it finds empty source tables in the embedded engine
/// (never against a configured server: real data is never generated over).
/// </summary>
public sealed class FirstStartOptions
{
    public const string Section = "Admin:FirstStart";

    /// <summary>Generate demo data when the embedded fills and resolutions tables are empty.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Fills of that demo data set; small so the first start is quick.</summary>
    public long DemoFills { get; set; } = 200_000;

    public int DemoWallets { get; set; } = 2_000;

    public int DemoMarkets { get; set; } = 400;

    /// <summary>The same seed gives the same data.</summary>
    public ulong DemoSeed { get; set; } = 42;
}
