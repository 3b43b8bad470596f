using AngleSharp.Dom;
using Bunit;
using Fifo.Admin.Components.Pages.Wallet;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Wallet;

public sealed class LotTableTests : ComponentTestBase
{
    private static readonly DateTime Start = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Shows_side_status_and_money_of_each_lot()
    {
        var table = Render<LotTable>(p => p.Add(c => c.Lots, [
            Lot(0, pnl: 12.5, isShort: false, resolved: true),
            Lot(1, pnl: -3.25, isShort: true, closed: true),
            Lot(2, pnl: 0, isShort: false),
        ]));

        Assert.Equal(["Long", "Short", "Long"], Column(table, "side"));
        Assert.Equal(["resolved", "closed", "open"], Column(table, "status"));
        Assert.Equal(["$12.50", "-$3.25", "$0.00"], Column(table, "pnl"));
    }

    [Fact]
    public void Sorts_by_pnl_both_ways()
    {
        var table = Render<LotTable>(p => p.Add(c => c.Lots, [Lot(0, pnl: 5), Lot(1, pnl: -7), Lot(2, pnl: 30)]));

        SortLabel(table, "PnL").Click();
        Assert.Equal(["-$7.00", "$5.00", "$30.00"], Column(table, "pnl"));

        SortLabel(table, "PnL").Click();
        Assert.Equal(["$30.00", "$5.00", "-$7.00"], Column(table, "pnl"));
    }

    [Fact]
    public void Pages_long_lists()
    {
        var table = Render<LotTable>(p => p.Add(c => c.Lots, Enumerable.Range(0, 60).Select(i => Lot(i, pnl: i)).ToArray()));

        Assert.Equal(25, Column(table, "pnl").Count);
        Assert.NotEmpty(table.FindAll(".mud-table-pagination"));
    }

    [Fact]
    public void Says_when_there_are_no_lots()
    {
        var table = Render<LotTable>(p => p.Add(c => c.Lots, Array.Empty<LotRow>()));

        Assert.Contains("This wallet has no lots.", table.Markup);
    }

    private static IElement SortLabel(IRenderedComponent<LotTable> table, string header) =>
        table.FindAll(".mud-table-sort-label").Single(e => e.TextContent.Trim() == header);

    private static List<string> Column(IRenderedComponent<LotTable> table, string testId) =>
        table.FindAll($"tbody [data-testid={testId}]").Select(e => e.TextContent.Trim()).ToList();

    private static LotRow Lot(int i, double pnl, bool isShort = false, bool closed = false, bool resolved = false) => new()
    {
        Wallet = "0x" + new string('a', 40),
        ConditionId = i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
        OutcomeIndex = 0,
        TxHash = $"clob_tx{i}_o{i}-t",
        IsShort = isShort,
        EntryTime = Start.AddMinutes(i),
        ExitTime = closed ? Start.AddMinutes(i + 5) : null,
        Tokens = 100,
        EntryPrice = 0.4,
        CostUsd = 40,
        TokensSoldEarly = closed ? 100 : 0,
        TokensHeld = closed ? 0 : 100,
        ExitValue = 40 + pnl,
        PnlUsd = pnl,
        Roi = pnl / 40,
        PctSoldEarly = closed ? 100 : 0,
        ResolvedAt = resolved ? Start.AddDays(1) : null,
        IsClosed = closed || resolved,
    };
}
