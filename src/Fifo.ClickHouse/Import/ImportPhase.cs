namespace Fifo.ClickHouse.Import;

public enum ImportPhase
{
    /// <summary>Reading and checking the file into a staging table.</summary>
    Staging,
    /// <summary>The whole file was valid; copying it into the target table in one statement.</summary>
    Committing,
    Done,
}
