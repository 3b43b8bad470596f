using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>The deduplicated view holds exactly one row per (wallet, condition_id, outcome_index, tx_hash, is_short).</summary>
public sealed class DuplicateKeysCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "duplicate-keys";
    public string Title => "One row per lot key";

    public async Task<CheckOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/duplicate_keys.sql", null, cancellationToken);
        var duplicates = r.Lots - r.Keys;
        var figures = new Dictionary<string, double> { ["lots"] = r.Lots, ["keys"] = r.Keys, ["duplicates"] = duplicates };
        return duplicates == 0
            ? new CheckOutcome(CheckStatus.Pass, $"{r.Keys:N0} keys, no duplicates.", figures)
            : new CheckOutcome(CheckStatus.Fail, $"{duplicates:N0} rows repeat a key already present ({r.Lots:N0} rows, {r.Keys:N0} keys).", figures);
    }

    private sealed record Row(ulong Lots, ulong Keys);
}
