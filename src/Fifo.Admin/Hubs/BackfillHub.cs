using Fifo.Admin.Hubs.Messages;
using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Microsoft.AspNetCore.SignalR;

namespace Fifo.Admin.Hubs;

/// <summary>
/// Read-only hub of backfill progress at <see cref="Path"/>; every connected client receives the broadcasts of
/// <see cref="BackfillHubBroadcaster"/>. Behind the same login as the pages.
/// </summary>
public sealed class BackfillHub(BackfillLiveFeed feed, IBackfillController controller) : Hub<IBackfillHubClient>
{
    public const string Path = "/hubs/backfill";

    /// <summary>The current (or latest known) run, for clients that connect mid-run; null when there is none.</summary>
    public RunViewMessage? GetCurrentRun()
    {
        var current = controller.Current;
        if (feed.View is { } view && (current is null || current.RunId == view.RunId))
            return RunViewMessage.From(view);
        return current is null ? null : RunViewMessage.From(current);
    }
}
