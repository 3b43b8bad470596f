using System.Text.RegularExpressions;
using Dapper;
using Fifo.Core.Lots;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

/// <summary>
/// The payout and order-id patterns are shared by the reference engine (.NET regex) and the SQL (ClickHouse's RE2):
/// both must read every text the same way.
/// </summary>
public sealed class PatternParityTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    public static TheoryData<string> PayoutTexts()
    {
        var texts = new TheoryData<string>();
        foreach (var text in FifoGenerators.ParseableNumerators.Concat(FifoGenerators.UnparseableNumerators)
                     .Concat(["", " ", "[]", " [ ] ", "[\t]", "[1]\n", "\n[1,0]", "[1.5,0.25]", "[1.,0]", "[.5]", "[01,2]", "[\"1\" ,\"0\"]"]))
            texts.Add(text);
        return texts;
    }

    [Theory]
    [MemberData(nameof(PayoutTexts))]
    public async Task Payout_numerators_parse_the_same_in_ClickHouse(string text)
    {
        await using var connection = await db.OpenConnectionAsync();
        var sql = await connection.QuerySingleAsync<(bool Empty, bool Parses, double[] Numbers)>(
            "SELECT match({t:String}, {e:String}), match({t:String}, {p:String}), arrayMap(x -> toFloat64(x), extractAll({t:String}, {n:String}))",
            new DynamicParameters(new Dictionary<string, object>
            {
                ["t"] = text, ["e"] = PayoutParser.EmptyPattern, ["p"] = PayoutParser.Pattern, ["n"] = PayoutParser.NumberPattern,
            }));

        Assert.Equal(PayoutParser.IsEmpty(text), sql.Empty);
        Assert.Equal(Regex.IsMatch(text, PayoutParser.Pattern), sql.Parses);
        if (PayoutParser.TryParse(text, out var numerators, out _))
            Assert.Equal(numerators, sql.Numbers);
    }

    [Theory]
    [InlineData("clob_0xabc123_0xdef456-m")]
    [InlineData("clob_0xabc_12345")]
    [InlineData("clob_0xabc_0xd-e-f-m")]
    [InlineData("clob_0xabc_0xdef_extra-m")]
    [InlineData("ctf_0xabc_1")]
    [InlineData("clob__x-m")]
    [InlineData("clob_0xabc_0xdef\n")]
    [InlineData("clob_0xabc_0xdef-m\n")]
    [InlineData("")]
    public async Task Order_ids_are_extracted_the_same_in_ClickHouse(string fillId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var sql = await connection.QuerySingleAsync<string>("SELECT extract({f:String}, {p:String})",
            new DynamicParameters(new Dictionary<string, object> { ["f"] = fillId, ["p"] = OrderIdParser.Pattern }));

        Assert.Equal(OrderIdParser.FromFillId(fillId), sql);
    }
}
