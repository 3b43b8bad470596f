using Fifo.Admin.Errors;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Fifo.Admin.Components.Shared;

/// <summary>
/// Base of the pages and panels that talk to ClickHouse: a failure becomes a readable message (inline and as a snackbar,
/// with the ClickHouse code) instead of a dead circuit; queries in flight are cancelled when the page goes away.
/// </summary>
public abstract class AdminPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILoggerFactory Loggers { get; set; } = default!;

    /// <summary>The last failure, shown by the page; cleared when the next guarded action starts.</summary>
    protected string? Error { get; set; }

    /// <summary>Runs <paramref name="action"/>; on failure records and shows "<paramref name="what"/> failed: reason".</summary>
    protected Task<bool> GuardAsync(string what, Func<CancellationToken, Task> action) => GuardAsync(what, CancellationToken.None, action);

    /// <summary>
    /// As above, with <paramref name="cancellationToken"/> also cancelling <paramref name="action"/>: whoever cancels it
    /// (a newer load replacing this one, a navigation) wants its result no more, so that is no failure either.
    /// </summary>
    protected async Task<bool> GuardAsync(string what, CancellationToken cancellationToken, Func<CancellationToken, Task> action)
    {
        Error = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, cancellationToken);
        try
        {
            await action(stop.Token);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            Error = $"{what} failed: {ErrorText.Describe(ex)}";
            Loggers.CreateLogger(GetType()).LogWarning(ex, "{What} failed", what);
            Snackbar.Add(Error, Severity.Error);
            return false;
        }
    }

    public void Dispose()
    {
        // Cancelled, not disposed: a query still unwinding may look at the token.
        _disposed.Cancel();
        Disposing();
        GC.SuppressFinalize(this);
    }

    /// <summary>Unsubscribe here.</summary>
    protected virtual void Disposing()
    {
    }
}
