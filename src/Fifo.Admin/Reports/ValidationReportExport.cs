using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fifo.Core.Reports;

namespace Fifo.Admin.Reports;

/// <summary>The validation report as a downloadable JSON or Markdown document.</summary>
public static class ValidationReportExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FileName(ValidationReport report, string extension) =>
        $"validation-{report.RanAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.{extension}";

    public static string ToJson(ValidationReport report) => JsonSerializer.Serialize(new
    {
        ranAt = report.RanAt,
        durationMs = report.Duration.TotalMilliseconds,
        overall = report.Overall,
        checks = report.Checks.Select(c => new
        {
            id = c.Id,
            title = c.Title,
            status = c.Status,
            message = c.Message,
            durationMs = c.Duration.TotalMilliseconds,
            figures = c.Figures,
        }),
    }, Json);

    public static string ToMarkdown(ValidationReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"# Validation report");
        md.AppendLine();
        md.AppendLine(inv, $"- Ran at: {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine(inv, $"- Duration: {report.Duration.TotalMilliseconds:0} ms");
        md.AppendLine(inv, $"- Overall: **{report.Overall.ToString().ToUpperInvariant()}** ({Count(report, CheckStatus.Pass)} pass, {Count(report, CheckStatus.Warn)} warn, {Count(report, CheckStatus.Fail)} fail)");
        md.AppendLine();
        md.AppendLine("| Check | Status | Message | Time |");
        md.AppendLine("|---|---|---|---:|");
        foreach (var check in report.Checks)
            md.AppendLine(inv, $"| {Cell(check.Title)} | {check.Status.ToString().ToUpperInvariant()} | {Cell(check.Message)} | {check.Duration.TotalMilliseconds:0} ms |");
        foreach (var check in report.Checks.Where(c => c.Figures.Count > 0))
        {
            md.AppendLine();
            md.AppendLine(inv, $"## {check.Title}");
            md.AppendLine();
            md.AppendLine("| Figure | Value |");
            md.AppendLine("|---|---:|");
            foreach (var (name, value) in check.Figures)
                md.AppendLine(inv, $"| {Cell(name)} | {value.ToString("G17", inv)} |");
        }
        return md.ToString();
    }

    private static int Count(ValidationReport report, CheckStatus status) => report.Checks.Count(c => c.Status == status);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
