using Fifo.ClickHouse.Schema;

namespace Fifo.ClickHouse.Import;

/// <summary>
/// The CSV columns of each import target, in the table's column order. Names and types come from
/// <see cref="SourceTables"/>; this adds how each field is read and what an absent optional column becomes.
/// </summary>
public static class CsvImportLayouts
{
    private static readonly object Zero = (byte)0;
    private static readonly object ZeroVersion = 0UL;

    public static IReadOnlyList<CsvColumn> Fills { get; } = Build(SourceTables.FillColumns, new Dictionary<string, (Func<string, object>, Func<object[], object>?)>
    {
        ["fill_id"] = (CsvValueParsers.NonEmptyString, null),
        ["tx_hash"] = (CsvValueParsers.AnyString, null),
        ["wallet"] = (CsvValueParsers.Wallet, null),
        ["condition_id"] = (CsvValueParsers.ConditionId, null),
        ["outcome_index"] = (CsvValueParsers.UInt8, null),
        ["tokens_delta"] = (CsvValueParsers.Float64, null),
        ["usdc_delta"] = (CsvValueParsers.Float64, null),
        ["event_time"] = (CsvValueParsers.Time, null),
        ["source"] = (CsvValueParsers.NonEmptyString, null),
        ["is_maker"] = (CsvValueParsers.Flag, _ => Zero),
        ["is_self_fill"] = (CsvValueParsers.Flag, _ => Zero),
        ["block_number"] = (CsvValueParsers.UInt64, _ => ZeroVersion),
        ["_version"] = (CsvValueParsers.UInt64, _ => ZeroVersion),
    });

    public static IReadOnlyList<CsvColumn> Resolutions { get; } = Build(SourceTables.ResolutionColumns, new Dictionary<string, (Func<string, object>, Func<object[], object>?)>
    {
        ["condition_id"] = (CsvValueParsers.ConditionId, null),
        ["payout_numerators"] = (CsvValueParsers.PayoutNumerators, null),
        // Absent: the sum of the numerators, as Polymarket reports it. Readers use numerators / sum(numerators) anyway.
        ["payout_denominator"] = (CsvValueParsers.PayoutDenominator, row => CsvValueParsers.SumOfNumerators((string)row[1])),
        ["resolved_at"] = (CsvValueParsers.Time, null),
        ["is_deleted"] = (CsvValueParsers.Flag, _ => Zero),
        // Absent: the resolution time, so a file without insert_time still orders re-resolutions by when they happened.
        ["insert_time"] = (CsvValueParsers.Time, row => row[3]),
    });

    public static IReadOnlyList<CsvColumn> For(ImportTarget target) => target switch
    {
        ImportTarget.Fills => Fills,
        ImportTarget.Resolutions => Resolutions,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    private static List<CsvColumn> Build(
        IReadOnlyList<SourceColumn> columns, Dictionary<string, (Func<string, object> Parse, Func<object[], object>? Default)> readers) =>
        columns.Select(c => new CsvColumn(c.Name, c.Type, readers[c.Name].Parse, readers[c.Name].Default)).ToList();
}
