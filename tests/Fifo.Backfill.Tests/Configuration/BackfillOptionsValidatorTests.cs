using Fifo.Backfill.Configuration;
using Fifo.Core.Options;
using Xunit;

namespace Fifo.Backfill.Tests.Configuration;

public sealed class BackfillOptionsValidatorTests
{
    private readonly BackfillOptionsValidator validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(validator.Validate(null, new BackfillOptions()).Succeeded);

    [Fact]
    public void Every_problem_is_reported_with_its_configuration_key()
    {
        var options = new BackfillOptions
        {
            Workers = 0,
            BatchFills = 0,
            MaxAttempts = 0,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            Settings = { ["max threads"] = "2", ["max_memory_usage"] = " " },
        };

        var failures = validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(6, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Backfill:Workers ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Backfill:BatchFills ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Backfill:MaxAttempts ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Backfill:RetryBaseDelay ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Backfill:Settings:max threads ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Backfill:Settings:max_memory_usage ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_the_engine_pins_may_only_repeat_its_value()
    {
        var options = new BackfillOptions { Settings = { ["max_threads"] = "8", ["optimize_aggregation_in_order"] = "1" } };

        var failure = Assert.Single(validator.Validate(null, options).Failures!);

        Assert.StartsWith("Backfill:Settings:max_threads = 8 cannot be used: the FIFO engine needs max_threads = 1", failure);
        Assert.Contains("Backfill:Workers", failure);
    }
}
