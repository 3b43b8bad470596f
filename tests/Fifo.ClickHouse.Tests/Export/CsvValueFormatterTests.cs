using System.Globalization;
using Fifo.ClickHouse.Export;
using Xunit;

namespace Fifo.ClickHouse.Tests.Export;

public sealed class CsvValueFormatterTests
{
    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Doubles_are_shortest_round_trip(double value, string expected)
    {
        var text = CsvValueFormatter.Format(value);

        Assert.Equal(expected, text);
        if (double.IsFinite(value))
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Strings_are_quoted_only_when_needed(string value, string expected) =>
        Assert.Equal(expected, CsvValueFormatter.Format(value));

    [Fact]
    public void Nulls_are_empty_and_times_use_the_import_format()
    {
        Assert.Equal("", CsvValueFormatter.Format(null));
        Assert.Equal("", CsvValueFormatter.Format(DBNull.Value));
        Assert.Equal("2024-03-01 12:34:56", CsvValueFormatter.Format(new DateTime(2024, 3, 1, 12, 34, 56)));
        Assert.Equal("2024-03-01 12:34:56.5", CsvValueFormatter.Format(new DateTime(2024, 3, 1, 12, 34, 56, 500)));
        Assert.Equal("255", CsvValueFormatter.Format((byte)255));
        Assert.Equal("18446744073709551615", CsvValueFormatter.Format(ulong.MaxValue));
    }
}
