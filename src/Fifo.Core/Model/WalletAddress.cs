using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fifo.Core.Model;

/// <summary>A Polymarket wallet: <c>0x</c> + 40 hex digits, normalised to lower case as the fills table stores it.</summary>
public static partial class WalletAddress
{
    [GeneratedRegex(@"^0x[0-9a-fA-F]{40}\z")]
    private static partial Regex Pattern();

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? wallet)
    {
        var trimmed = input?.Trim();
        wallet = trimmed is not null && Pattern().IsMatch(trimmed) ? trimmed.ToLowerInvariant() : null;
        return wallet is not null;
    }

    /// <exception cref="ArgumentException">The input is not 0x + 40 hex digits; the message says so.</exception>
    public static string Normalize(string? input) =>
        TryNormalize(input, out var wallet)
            ? wallet
            : throw new ArgumentException($"'{input}' is not a wallet address: expected 0x followed by 40 hex digits.", nameof(input));
}
