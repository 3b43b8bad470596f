using Fifo.Core.Lots;
using Xunit;

namespace Fifo.Core.Tests.Lots;

public sealed class PayoutParserTests
{
    [Theory]
    [InlineData("[1,0]", new[] { 1.0, 0.0 })]
    [InlineData("[1,1]", new[] { 1.0, 1.0 })]
    [InlineData("[\"1\",\"0\"]", new[] { 1.0, 0.0 })]
    [InlineData("[0,1]", new[] { 0.0, 1.0 })]
    [InlineData(" [ 1 , 0 ] ", new[] { 1.0, 0.0 })]
    [InlineData("[ \"0\" ,\t\"1\" ]", new[] { 0.0, 1.0 })]
    [InlineData("[\n  1,\n  0\n]", new[] { 1.0, 0.0 })]
    [InlineData("[0.5,0.5]", new[] { 0.5, 0.5 })]
    [InlineData("[1,0,0]", new[] { 1.0, 0.0, 0.0 })]
    [InlineData("[1000000000000000000,0]", new[] { 1e18, 0.0 })]
    [InlineData("[\"1\",0]", new[] { 1.0, 0.0 })]
    public void Parses_every_seen_format(string text, double[] expected)
    {
        Assert.True(PayoutParser.TryParse(text, out var numerators, out _));
        Assert.Equal(expected, numerators);
        Assert.False(PayoutParser.IsEmpty(text));
    }

    [Theory]
    [InlineData("[1,x]", "not an array")]
    [InlineData("abc", "not an array")]
    [InlineData("[-1,2]", "not an array")]
    [InlineData("{1,0}", "not an array")]
    [InlineData("[1,,0]", "not an array")]
    [InlineData("[\"1\",0", "not an array")]
    [InlineData("[\"1,0\"]", "not an array")]
    [InlineData("[1e0,0]", "not an array")]
    [InlineData("null", "not an array")]
    [InlineData("[0,0]", "sum to 0")]
    [InlineData("[\"0\",\"0\"]", "sum to 0")]
    public void Refuses_anything_else_saying_why(string text, string reason)
    {
        Assert.False(PayoutParser.TryParse(text, out var numerators, out var error));

        Assert.Empty(numerators);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    public void Empty_text_or_array_means_no_numerators(string text)
    {
        Assert.True(PayoutParser.IsEmpty(text));
        Assert.False(PayoutParser.TryParse(text, out _, out _));
    }

    [Fact]
    public void Numerators_whose_sum_overflows_are_refused()
    {
        Assert.False(PayoutParser.TryParse("[" + new string('9', 400) + ",1]", out _, out var error));

        Assert.Contains("overflow", error);
    }

    [Fact]
    public void Rate_is_numerator_over_sum_and_zero_beyond_the_array()
    {
        Assert.True(PayoutParser.TryParse("[\"3\",\"1\"]", out var numerators, out _));
        var payout = new ConditionPayout("c", numerators, DateTime.UnixEpoch);

        Assert.Equal((0.75, 0.25, 0.0), (payout.RateFor(0), payout.RateFor(1), payout.RateFor(2)));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { -1.0, 2.0 })]
    public void Payout_cannot_be_built_from_numerators_without_rates(double[] numerators)
    {
        Assert.Throws<ArgumentException>(() => new ConditionPayout("c", numerators, DateTime.UnixEpoch));
    }
}
