using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Configuration;

/// <summary>
/// DustTokens must be > 0, as the reference engine requires: a lot is closed when tokens_held &lt; dust, which a fully
/// exited lot (tokens_held = 0) only satisfies with a positive dust. Checked at start-up, not at the first spot-check.
/// </summary>
internal sealed class FifoOptionsValidator : IValidateOptions<FifoOptions>
{
    public ValidateOptionsResult Validate(string? name, FifoOptions options) =>
        double.IsFinite(options.DustTokens) && options.DustTokens > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{FifoOptions.Section}:{nameof(options.DustTokens)} must be a finite number > 0, got {options.DustTokens}.");
}
