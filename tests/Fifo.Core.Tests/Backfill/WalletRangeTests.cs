using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Core.Tests.Backfill;

public sealed class WalletRangeTests
{
    [Theory]
    [InlineData("0-7", new[] { "0-3", "4-7" }, true)]
    [InlineData("0-7", new[] { "0-f" }, true)]
    [InlineData("0-7", new[] { "0-2", "4-7" }, false)]
    [InlineData("8-f", new[] { "f" }, false)]
    [InlineData("5", new[] { "0-4", "6-f" }, false)]
    [InlineData("5", new string[0], false)]
    public void Is_covered_only_when_the_ranges_together_hold_every_digit(string range, string[] others, bool covered) =>
        Assert.Equal(covered, WalletRange.Parse(range).IsCoveredBy(others.Select(WalletRange.Parse)));
}
