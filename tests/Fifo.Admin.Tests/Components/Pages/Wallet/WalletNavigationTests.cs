using Bunit;
using Fifo.Admin.Components.Pages.Wallet;
using Fifo.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Wallet;

/// <summary>A lookup or comparison of the wallet left behind must not land on the next wallet's page.</summary>
public sealed class WalletNavigationTests : ComponentTestBase
{
    private static readonly string A = "0x" + new string('a', 40);
    private static readonly string B = "0x" + new string('b', 40);
    private readonly SlowForA _service = new();

    public WalletNavigationTests()
    {
        Services.AddLogging();
        Services.AddSingleton<IWalletSpotCheckService>(_service);
    }

    [Fact]
    public void A_slow_lookup_of_the_previous_wallet_is_cancelled_and_its_late_result_dropped()
    {
        _service.Hold();
        var page = Render<WalletPage>(p => p.Add(w => w.Address, A));

        page.Render(p => p.Add(w => w.Address, B));
        page.WaitForAssertion(() => Assert.Equal(B, page.Find("[data-testid=wallet-address]").TextContent));
        _service.Release();

        Assert.True(_service.CancelledForA.Wait(TimeSpan.FromSeconds(10)));
        page.WaitForState(() => _service.Answered);
        Assert.Equal(B, page.Find("[data-testid=wallet-address]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void A_comparison_of_the_previous_wallet_never_shows_on_the_next()
    {
        var page = Render<WalletPage>(p => p.Add(w => w.Address, A));
        page.WaitForAssertion(() => Assert.Equal(A, page.Find("[data-testid=wallet-address]").TextContent));
        _service.Hold();
        page.Find("[data-testid=recompute]").Click();

        page.Render(p => p.Add(w => w.Address, B));
        page.WaitForAssertion(() => Assert.Equal(B, page.Find("[data-testid=wallet-address]").TextContent));
        _service.Release();

        page.WaitForState(() => _service.Answered);
        Assert.Empty(page.FindAll("[data-testid=comparison-match]"));
        Assert.False(page.Find("[data-testid=recompute]").HasAttribute("disabled"));
    }

    /// <summary>Answers for wallet A only when released, ignoring cancellation (as a query that already returned would); B at once.</summary>
    private sealed class SlowForA : IWalletSpotCheckService
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _held;
        private volatile bool _answered;

        public ManualResetEventSlim CancelledForA { get; } = new();

        public bool Answered => _answered;

        public void Hold() => _held = true;

        public void Release() => _release.TrySetResult();

        public async Task<WalletReport> GetAsync(string wallet, CancellationToken cancellationToken = default)
        {
            await WaitIfHeldAsync(wallet, cancellationToken);
            return new WalletReport(wallet, 1, new WalletTotals(1, 10, 0.1, 1, 1, 1, 0, 1), [], [], TimeSpan.FromMilliseconds(1));
        }

        public async Task<WalletComparison> CompareAsync(string wallet, CancellationToken cancellationToken = default)
        {
            await WaitIfHeldAsync(wallet, cancellationToken);
            return new WalletComparison(wallet, 0, 0, [], TimeSpan.FromMilliseconds(1));
        }

        private async Task WaitIfHeldAsync(string wallet, CancellationToken cancellationToken)
        {
            if (wallet != A || !_held)
                return;
            using var registration = cancellationToken.Register(CancelledForA.Set);
            await _release.Task;
            _answered = true;
        }
    }
}
