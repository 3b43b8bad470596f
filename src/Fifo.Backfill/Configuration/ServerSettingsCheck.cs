using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill.Configuration;

/// <summary>
/// Checks Backfill:Settings against the server before a run records anything. <see cref="BackfillOptionsValidator"/>
/// checks their form on start, but only the server knows its settings: a misspelt name would fail every batch with
/// UNKNOWN_SETTING and leave a failed run behind.
/// </summary>
internal sealed class ServerSettingsCheck(
    ClickHouseConnectionFactory connections,
    SqlScripts scripts,
    IOptions<BackfillOptions> options)
{
    /// <exception cref="OptionsValidationException">Names the settings the server does not know, by their keys.</exception>
    public async Task EnsureServerKnowsThemAsync(CancellationToken cancellationToken)
    {
        var names = options.Value.Settings.Keys.ToArray();
        if (names.Length == 0)
            return;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var known = (await connection.QueryAsync<string>(new CommandDefinition(scripts.Get("Backfill/known_settings.sql"),
            QueryParameters.From(new { names }), cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new OptionsValidationException(BackfillOptions.Section, typeof(BackfillOptions), unknown.Select(name =>
                $"{BackfillOptions.Section}:{nameof(BackfillOptions.Settings)}:{name} is not a setting of this ClickHouse server (system.settings)."));
    }
}
