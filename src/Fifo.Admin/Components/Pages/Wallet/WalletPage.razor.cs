using Fifo.Admin.Components.Shared;
using Fifo.Core.Model;
using Fifo.Core.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Fifo.Admin.Components.Pages.Wallet;

/// <summary>
/// One wallet's lots, totals and PnL curve; the address is validated before any query and reaches ClickHouse only
/// as a parameter. "Recompute and compare" diffs the stored rows against the reference engine. Each navigation
/// cancels the queries of the wallet before and drops what they return late, so one wallet never shows another's data.
/// </summary>
public partial class WalletPage : AdminPageBase
{
    private string? _input;
    private string? _inputError;
    private WalletReport? _report;
    private WalletComparison? _comparison;
    private bool _loading;
    private bool _comparing;
    private CancellationTokenSource _navigation = new();

    [Parameter]
    public string? Address { get; set; }

    [Inject]
    private IWalletSpotCheckService SpotChecks { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var navigation = StartNavigation();
        _report = null;
        _comparison = null;
        _inputError = null;
        _loading = false;
        _comparing = false;
        if (string.IsNullOrWhiteSpace(Address))
            return;
        _input = Address;
        if (!WalletAddress.TryNormalize(Address, out var wallet))
        {
            _inputError = $"'{Address}' is not a wallet address: expected 0x followed by 40 hex digits.";
            return;
        }
        _loading = true;
        await GuardAsync("Loading the wallet", navigation, async ct =>
        {
            var report = await SpotChecks.GetAsync(wallet, ct);
            if (!navigation.IsCancellationRequested)
                _report = report;
        });
        if (!navigation.IsCancellationRequested)
            _loading = false;
    }

    private Task SearchAsync()
    {
        if (!WalletAddress.TryNormalize(_input, out var wallet))
        {
            _inputError = "Not a wallet address: expected 0x followed by 40 hex digits.";
            return Task.CompletedTask;
        }
        _inputError = null;
        Navigation.NavigateTo($"/wallet/{wallet}");
        return Task.CompletedTask;
    }

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
            await SearchAsync();
    }

    private async Task CompareAsync()
    {
        if (_report is not { } report)
            return;
        var navigation = _navigation.Token;
        _comparing = true;
        _comparison = null;
        await GuardAsync("Recompute and compare", navigation, async ct =>
        {
            var comparison = await SpotChecks.CompareAsync(report.Wallet, ct);
            if (!navigation.IsCancellationRequested && _report?.Wallet == comparison.Wallet)
                _comparison = comparison;
        });
        if (!navigation.IsCancellationRequested)
            _comparing = false;
    }

    /// <summary>Cancels what the previous navigation still runs; the token is cancelled by the next one.</summary>
    private CancellationToken StartNavigation()
    {
        _navigation.Cancel();
        _navigation = new CancellationTokenSource();
        return _navigation.Token;
    }
}
