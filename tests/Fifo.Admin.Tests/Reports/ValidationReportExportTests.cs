using System.Text.Json;
using Fifo.Admin.Reports;
using Fifo.Core.Reports;
using Xunit;

namespace Fifo.Admin.Tests.Reports;

public sealed class ValidationReportExportTests
{
    private static readonly ValidationReport Report = new(
        new DateTimeOffset(2025, 2, 3, 4, 5, 6, TimeSpan.Zero), TimeSpan.FromMilliseconds(1234),
        [
            new ValidationCheck("duplicates", "No duplicate lots", CheckStatus.Pass, "0 duplicates", new Dictionary<string, double> { ["duplicates"] = 0 }, TimeSpan.FromMilliseconds(10)),
            new ValidationCheck("pnl", "PnL | sanity", CheckStatus.Warn, "total PnL\nlooks high", new Dictionary<string, double> { ["total_pnl"] = 0.1 + 0.2 }, TimeSpan.FromMilliseconds(20)),
        ]);

    [Fact]
    public void Json_carries_every_check_and_figure()
    {
        using var json = JsonDocument.Parse(ValidationReportExport.ToJson(Report));
        var root = json.RootElement;

        Assert.Equal("Warn", root.GetProperty("overall").GetString());
        Assert.Equal(1234, root.GetProperty("durationMs").GetDouble());
        var checks = root.GetProperty("checks").EnumerateArray().ToArray();
        Assert.Equal(["duplicates", "pnl"], checks.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Pass", checks[0].GetProperty("status").GetString());
        Assert.Equal(0.1 + 0.2, checks[1].GetProperty("figures").GetProperty("total_pnl").GetDouble());
    }

    [Fact]
    public void Markdown_is_a_table_that_survives_pipes_and_newlines()
    {
        var md = ValidationReportExport.ToMarkdown(Report);

        Assert.Contains("- Ran at: 2025-02-03 04:05:06 UTC", md);
        Assert.Contains("- Overall: **WARN** (1 pass, 1 warn, 0 fail)", md);
        Assert.Contains("| No duplicate lots | PASS | 0 duplicates | 10 ms |", md);
        Assert.Contains("| PnL \\| sanity | WARN | total PnL looks high | 20 ms |", md);
        Assert.Contains("| total_pnl | 0.30000000000000004 |", md);
    }

    [Fact]
    public void File_names_carry_the_run_time() =>
        Assert.Equal("validation-20250203-040506.md", ValidationReportExport.FileName(Report, "md"));
}
