using Fifo.Core.Lots;
using Xunit;

namespace Fifo.Core.Tests.Lots;

public sealed class OrderIdParserTests
{
    [Theory]
    [InlineData("clob_0xabc123_0xdef456-m", "0xdef456")]
    [InlineData("clob_0xabc123_0xdef456-t", "0xdef456")]
    [InlineData("clob_0xabc123_0xdef456", "0xdef456")]
    [InlineData("clob_0xabc_12345", "12345")]
    [InlineData("clob_0xabc_0xd-e-f-m", "0xd-e-f")]
    [InlineData("clob_0xabc_0xDEF-m", "0xDEF")]
    public void Takes_the_order_part_of_a_clob_fill_id(string fillId, string orderId)
    {
        Assert.Equal(orderId, OrderIdParser.FromFillId(fillId));
    }

    [Theory]
    [InlineData("ctf_0xabc_1")]
    [InlineData("clob_0xabc")]
    [InlineData("clob__0xdef-m")]
    [InlineData("clob_0xabc_0xdef_extra-m")]
    [InlineData("a")]
    [InlineData("")]
    public void Other_fill_ids_carry_no_order_id(string fillId)
    {
        Assert.Equal("", OrderIdParser.FromFillId(fillId));
    }
}
