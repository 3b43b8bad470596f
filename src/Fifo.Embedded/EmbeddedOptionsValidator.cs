using Microsoft.Extensions.Options;

namespace Fifo.Embedded;

/// <summary>Checks the "Embedded" section; the library file itself is checked when the engine starts.</summary>
public sealed class EmbeddedOptionsValidator : IValidateOptions<EmbeddedOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
            failures.Add($"{EmbeddedOptions.Section}:{nameof(options.DataDir)} must name a directory.");
        if (string.IsNullOrWhiteSpace(options.LibraryPath))
            failures.Add($"{EmbeddedOptions.Section}:{nameof(options.LibraryPath)} must name libchdb.so.");
        if (options.PoolSize is < 1 or > 64)
            failures.Add($"{EmbeddedOptions.Section}:{nameof(options.PoolSize)} must be from 1 to 64, not {options.PoolSize}.");
        if (options.Port is < 0 or > 65535)
            failures.Add($"{EmbeddedOptions.Section}:{nameof(options.Port)} must be from 0 (any free port) to 65535, not {options.Port}.");
        if (options.StartTimeout <= TimeSpan.Zero)
            failures.Add($"{EmbeddedOptions.Section}:{nameof(options.StartTimeout)} must be positive, not {options.StartTimeout}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
