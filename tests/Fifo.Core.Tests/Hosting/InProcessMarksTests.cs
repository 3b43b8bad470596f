using Fifo.Core.Hosting;
using Xunit;

namespace Fifo.Core.Tests.Hosting;

public sealed class InProcessMarksTests
{
    [Fact]
    public void A_name_is_marked_until_its_handle_is_disposed_and_other_names_are_not()
    {
        var marks = new InProcessMarks();

        using (marks.Mark("a"))
        {
            Assert.True(marks.IsMarked("a"));
            Assert.False(marks.IsMarked("A"));
            Assert.False(new InProcessMarks().IsMarked("a"));
        }

        Assert.False(marks.IsMarked("a"));
    }
}
