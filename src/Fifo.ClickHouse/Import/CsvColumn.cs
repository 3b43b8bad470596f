namespace Fifo.ClickHouse.Import;

/// <summary>
/// One column a CSV file may carry. <see cref="Parse"/> turns the field into the value written to ClickHouse and
/// throws <see cref="FormatException"/> with a reason; an optional column the file lacks gets <see cref="Default"/>,
/// computed from the row's earlier columns (e.g. insert_time = resolved_at).
/// </summary>
public sealed record CsvColumn(string Name, string ClickHouseType, Func<string, object> Parse, Func<object[], object>? Default = null)
{
    public bool Required => Default is null;
}
