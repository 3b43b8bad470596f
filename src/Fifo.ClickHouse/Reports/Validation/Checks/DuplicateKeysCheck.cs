using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The deduplicated view holds exactly one row per (wallet, condition_id, outcome_index, tx_hash, is_short). The
/// shared pass counts keys by hash; only when that finds fewer keys than rows are duplicates counted exactly.
/// </summary>
public sealed class DuplicateKeysCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "duplicate-keys";
    public string Title => "One row per lot key";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var s = await run.GetLotStatisticsAsync(cancellationToken);
        if (s.KeyHashes == s.Lots)
            return new CheckOutcome(CheckStatus.Pass, $"{s.Lots:N0} lots, no key repeated.",
                new Dictionary<string, double> { ["lots"] = s.Lots, ["duplicated_keys"] = 0, ["extra_rows"] = 0 });

        var exact = await queries.QuerySingleAsync<Row>("Validation/duplicate_keys.sql", null, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["lots"] = s.Lots, ["duplicated_keys"] = exact.DuplicatedKeys, ["extra_rows"] = exact.ExtraRows,
        };
        return exact.DuplicatedKeys == 0
            ? new CheckOutcome(CheckStatus.Pass, $"{s.Lots:N0} lots, no key repeated.", figures)
            : new CheckOutcome(CheckStatus.Fail,
                $"{exact.DuplicatedKeys:N0} lot keys appear more than once ({exact.ExtraRows:N0} extra rows of {s.Lots:N0}).", figures);
    }

    private sealed record Row(ulong DuplicatedKeys, ulong ExtraRows);
}
