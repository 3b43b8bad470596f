using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Configuration;

/// <summary>Table names are spliced into SQL, so each must be a plain identifier, and no two may collide.</summary>
internal sealed class TableNamesValidator : IValidateOptions<TableNames>
{
    public ValidateOptionsResult Validate(string? name, TableNames options)
    {
        var all = options.All().ToList();
        var failures = all
            .Where(table => !TableNames.IdentifierPattern().IsMatch(table.Name))
            .Select(table => $"{TableNames.Section}:{table.Key} = '{table.Name}' is not a plain identifier (letters, digits, underscore; at most 128).")
            .ToList();
        failures.AddRange(all
            .GroupBy(table => table.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"{TableNames.Section}: {string.Join(", ", group.Select(t => t.Key))} all name the table '{group.Key}'; each needs its own."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
