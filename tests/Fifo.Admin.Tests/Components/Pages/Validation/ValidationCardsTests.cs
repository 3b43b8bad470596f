using Bunit;
using Fifo.Admin.Components.Pages.Validation;
using Fifo.Core.Reports;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Validation;

public sealed class ValidationCardsTests : ComponentTestBase
{
    private static readonly ValidationCheck[] Checks =
    [
        new("duplicates", "No duplicate lots", CheckStatus.Pass, "0 duplicate keys", new Dictionary<string, double> { ["duplicates"] = 0, ["lots"] = 81_234 }, TimeSpan.FromMilliseconds(12)),
        new("coverage", "Wallet coverage", CheckStatus.Warn, "2 wallets not computed", new Dictionary<string, double> { ["missing"] = 2, ["coverage"] = 0.9996 }, TimeSpan.FromMilliseconds(40)),
        new("conservation", "Conservation per wallet", CheckStatus.Fail, "3 wallets differ by more than 1e-6 USD", new Dictionary<string, double> { ["max_difference_usd"] = 4.00178e-11 }, TimeSpan.FromSeconds(1.5)),
    ];

    [Fact]
    public void Renders_one_card_per_check_with_its_status_and_message()
    {
        var cards = Render<ValidationCards>(p => p.Add(c => c.Checks, Checks));

        var rendered = cards.FindAll("[data-testid=check]");
        Assert.Equal(["duplicates", "coverage", "conservation"], rendered.Select(c => c.GetAttribute("data-check-id")));
        Assert.Equal(["Pass", "Warn", "Fail"], rendered.Select(c => c.GetAttribute("data-status")));
        Assert.Contains("fifo-check-fail", rendered[2].ClassName);
        Assert.Equal("2 wallets not computed", rendered[1].QuerySelector("[data-testid=check-message]")!.TextContent);
    }

    [Fact]
    public void Shows_the_figures_behind_each_verdict()
    {
        var cards = Render<ValidationCards>(p => p.Add(c => c.Checks, Checks));

        var figures = cards.FindAll("[data-testid=check]")[0].QuerySelectorAll("[data-testid=figure]");
        Assert.Equal(["duplicates0", "lots81,234"], figures.Select(f => f.TextContent));
        var coverage = cards.FindAll("[data-testid=check]")[1].QuerySelectorAll("[data-testid=figure]");
        Assert.Equal("coverage0.9996", coverage[1].TextContent);
        Assert.Equal("max_difference_usd4E-11", cards.FindAll("[data-testid=check]")[2].QuerySelector("[data-testid=figure]")!.TextContent);
    }

    [Fact]
    public void Counts_pass_warn_and_fail()
    {
        var cards = Render<ValidationCards>(p => p.Add(c => c.Checks, Checks.Append(Checks[0] with { Id = "other" }).ToArray()));

        Assert.Equal("2 pass", cards.Find("[data-testid=pass-count]").TextContent.Trim());
        Assert.Equal("1 warn", cards.Find("[data-testid=warn-count]").TextContent.Trim());
        Assert.Equal("1 fail", cards.Find("[data-testid=fail-count]").TextContent.Trim());
    }
}
