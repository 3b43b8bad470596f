using Fifo.Admin.Hubs.Messages;
using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Microsoft.AspNetCore.SignalR;

namespace Fifo.Admin.Hubs;

/// <summary>
/// Turns live-feed deliveries into hub messages for all clients, keeping the events' order: run/state messages go
/// out between the Progress messages that carry the batch events before and after them.
/// </summary>
public sealed class BackfillHubBroadcaster(BackfillLiveFeed feed, IHubContext<BackfillHub, IBackfillHubClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(BroadcastAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task BroadcastAsync(LiveUpdate update)
    {
        var clients = hub.Clients.All;
        var batches = new List<BatchEventDto>();
        foreach (var e in update.Events)
        {
            switch (e)
            {
                case RunStarted started:
                    await FlushBatchesAsync(clients, update, batches, omitted: 0);
                    await clients.RunStarted(RunStartedMessage.From(started));
                    break;
                case RunStateChanged changed:
                    await FlushBatchesAsync(clients, update, batches, omitted: 0);
                    await clients.StateChanged(StateChangedMessage.From(changed));
                    break;
                default:
                    if (BatchEventDto.From(e) is { } dto)
                        batches.Add(dto);
                    break;
            }
        }
        await clients.Progress(ToProgress(update, batches, update.BatchEventsOmitted));
    }

    private static async Task FlushBatchesAsync(IBackfillHubClient clients, LiveUpdate update, List<BatchEventDto> batches, int omitted)
    {
        if (batches.Count == 0)
            return;
        await clients.Progress(ToProgress(update, batches, omitted));
        batches.Clear();
    }

    private static ProgressMessage ToProgress(LiveUpdate update, List<BatchEventDto> batches, int omitted)
    {
        var view = update.View;
        return new ProgressMessage(view.RunId, update.Sequence, view.UpdatedAt, view.State,
            view.Progress is null ? null : ProgressDto.From(view.Progress),
            view.Workers.Select(WorkerDto.From).ToArray(), batches.ToArray(), omitted);
    }
}
