using Fifo.Admin.Hubs.Messages;

namespace Fifo.Admin.Hubs;

/// <summary>What the server sends to every client of <c>/hubs/backfill</c>; the contract is docs/hub-contract.md.</summary>
public interface IBackfillHubClient
{
    Task RunStarted(RunStartedMessage message);

    Task StateChanged(StateChangedMessage message);

    Task Progress(ProgressMessage message);
}
