namespace Fifo.ClickHouse.Import;

/// <summary>Which source table a CSV file is imported into.</summary>
public enum ImportTarget
{
    Fills,
    Resolutions,
}
