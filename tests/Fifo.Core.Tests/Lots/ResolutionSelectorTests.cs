using Fifo.Core.Lots;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.Core.Tests.Lots;

/// <summary>Which resolution row is current and when a condition counts as resolved.</summary>
public sealed class ResolutionSelectorTests
{
    private const string C = "cond";
    private static readonly DateTime T = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Resolution Row(string numerators, int insertHour, bool deleted = false, int resolvedHour = 0) =>
        new(C, numerators, "1", T.AddHours(resolvedHour), deleted, T.AddHours(insertHour));

    private static ResolutionSelection Select(params Resolution[] rows) => ResolutionSelector.Select(rows);

    [Fact]
    public void Single_row_with_numerators_resolves_the_condition()
    {
        var payout = Select(Row("[1,0]", 1, resolvedHour: 7)).Payouts[C];

        Assert.Equal((1.0, T.AddHours(7)), (payout.RateFor(0), payout.ResolvedAt));
    }

    [Fact]
    public void Newest_row_by_insert_time_wins_whatever_the_input_order()
    {
        var older = Row("[1,0]", 1);
        var newer = Row("[0,1]", 2);

        Assert.Equal(1.0, Select(older, newer).Payouts[C].RateFor(1));
        Assert.Equal(1.0, Select(newer, older).Payouts[C].RateFor(1));
    }

    [Fact]
    public void Deleted_newest_row_does_not_exist_so_the_row_before_it_decides()
    {
        var selection = Select(Row("[0,1]", 1), Row("[1,0]", 2, deleted: true));

        Assert.Equal(1.0, selection.Payouts[C].RateFor(1));
        Assert.Empty(selection.Problems);
    }

    [Fact]
    public void Only_deleted_rows_leave_the_condition_unresolved()
    {
        var selection = Select(Row("[1,0]", 1, deleted: true), Row("garbage", 2, deleted: true));

        Assert.Empty(selection.Payouts);
        Assert.Empty(selection.Problems);
    }

    [Fact]
    public void Deleted_older_row_is_ignored()
    {
        var selection = Select(Row("[0,1]", 1, deleted: true), Row("[1,0]", 2));

        Assert.Equal(1.0, selection.Payouts[C].RateFor(0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    public void Newest_row_with_empty_numerators_leaves_the_condition_unresolved(string empty)
    {
        var selection = Select(Row("[1,0]", 1), Row(empty, 2));

        Assert.Empty(selection.Payouts);
        Assert.Empty(selection.Problems);
    }

    [Fact]
    public void Unparseable_newest_row_is_reported_and_the_condition_stays_unresolved()
    {
        var selection = Select(Row("[1,0]", 1), Row("[1,x]", 2));

        Assert.Empty(selection.Payouts);
        var problem = Assert.Single(selection.Problems);
        Assert.Equal((C, "[1,x]"), (problem.ConditionId, problem.Text));
        Assert.Contains("[1,x]", problem.ToString());
    }

    [Fact]
    public void Zero_sum_is_reported()
    {
        var problem = Assert.Single(Select(Row("[0,0]", 1)).Problems);

        Assert.Contains("sum to 0", problem.Reason);
    }

    [Fact]
    public void Unparseable_older_row_is_not_reported()
    {
        var selection = Select(Row("garbage", 1), Row("[1,0]", 2));

        Assert.Empty(selection.Problems);
        Assert.Single(selection.Payouts);
    }

    [Fact]
    public void Equal_insert_times_prefer_the_later_resolution_then_the_greater_text()
    {
        Assert.Equal(1.0, Select(Row("[0,1]", 1), Row("[1,0]", 1)).Payouts[C].RateFor(0));
        Assert.Equal(1.0, Select(Row("[0,1]", 1, resolvedHour: 5), Row("[1,0]", 1, resolvedHour: 3)).Payouts[C].RateFor(1));
    }

    [Fact]
    public void Conditions_are_selected_independently()
    {
        var other = new Resolution("other", "[\"0\",\"1\"]", "1", T, false, T);

        var selection = Select(Row("[1,1]", 1), other);

        Assert.Equal((0.5, 1.0), (selection.Payouts[C].RateFor(0), selection.Payouts["other"].RateFor(1)));
    }
}
