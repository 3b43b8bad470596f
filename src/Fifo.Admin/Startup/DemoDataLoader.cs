namespace Fifo.Admin.Startup;

public sealed class DemoDataLoader
{
    public Task LoadAsync(long fills, ulong seed, CancellationToken cancellationToken) => throw new NotImplementedException();
}
