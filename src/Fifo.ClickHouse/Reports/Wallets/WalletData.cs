using Fifo.Core.Model;

namespace Fifo.ClickHouse.Reports.Wallets;

/// <summary>Everything stored about one wallet, plus the reference engine's lots computed from its fills.</summary>
public sealed record WalletData(
    string Wallet,
    int FillRows,
    IReadOnlyList<LotRow> StoredLots,
    IReadOnlyList<LotRow> ReferenceLots);
