namespace Fifo.Admin.Startup;

/// <summary>
/// Bound from "Admin:FirstStart": what the console does when it finds an empty embedded database (never against a
/// configured server: real data is never generated over).
/// </summary>
public sealed class FirstStartOptions
{
    public const string Section = "Admin:FirstStart";

    /// <summary>Generate demo data when the embedded fills table is empty.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Size of that demo data set; small so the first start is quick.</summary>
    public long DemoFills { get; set; } = 200_000;

    /// <summary>Seed of the demo data (the same seed gives the same data).</summary>
    public ulong DemoSeed { get; set; } = 42;
}
