using Fifo.Admin.Components.Shared;
using Fifo.Core.Reports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Fifo.Admin.Components.Pages.Leaderboard;

/// <summary>Top wallets by the chosen column; sorting and filters run in ClickHouse (the top 100 depends on them).</summary>
public partial class LeaderboardPage : AdminPageBase
{
    private const int Top = 100;

    private MudTable<LeaderboardEntry>? _table;
    private int _minPositions;
    private double _minCost;
    private TimeSpan? _queryTime;
    private string _sortedBy = "PnL";

    [Inject]
    private ILeaderboardService Leaderboards { get; set; } = default!;

    private async Task<TableData<LeaderboardEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<LeaderboardSort>(state.SortLabel, out var label) ? label : LeaderboardSort.Pnl;
        var descending = state.SortDirection != SortDirection.Ascending;
        var query = new LeaderboardQuery(Top, sort, descending, Math.Max(0, _minPositions), Math.Max(0, _minCost));

        IReadOnlyList<LeaderboardEntry> entries = [];
        // MudTable cancels a load when the next one starts (quick Apply clicks, sorting): not an error.
        await GuardAsync("Leaderboard", cancellationToken, async ct =>
        {
            var board = await Leaderboards.GetAsync(query, ct);
            entries = board.Entries;
            _queryTime = board.QueryTime;
            _sortedBy = $"{ColumnName(sort)} {(descending ? "↓" : "↑")}";
        });
        // The query time sits outside the table, which re-renders only itself.
        StateHasChanged();
        return new TableData<LeaderboardEntry> { Items = entries, TotalItems = entries.Count };
    }

    private Task ApplyAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>The sorted column as its header spells it.</summary>
    private static string ColumnName(LeaderboardSort sort) => sort switch
    {
        LeaderboardSort.Pnl => "PnL",
        LeaderboardSort.Roi => "ROI",
        LeaderboardSort.WinRate => "win rate",
        _ => sort.ToString().ToLowerInvariant(),
    };

    private static string PnlClass(double pnl) => pnl >= 0 ? "fifo-gain" : "fifo-loss";
}
