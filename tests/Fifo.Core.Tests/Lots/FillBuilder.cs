using Fifo.Core.Model;

namespace Fifo.Core.Tests.Lots;

/// <summary>Hand-written fills for example tests: one wallet, one condition, times in whole minutes.</summary>
internal static class FillBuilder
{
    public const string Wallet = "0x1111111111111111111111111111111111111111";
    public const string Condition = "c0ffee00000000000000000000000000000000000000000000000000000000aa";
    public static readonly DateTime T0 = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Fill Buy(string id, double tokens, double price, int minute, bool isMaker = false) =>
        Make(id, tokens, -tokens * price, minute, isMaker);

    public static Fill Sell(string id, double tokens, double price, int minute, bool isMaker = false) =>
        Make(id, -tokens, tokens * price, minute, isMaker);

    public static Fill Make(string id, double tokensDelta, double usdcDelta, int minute, bool isMaker = false) =>
        new(id, "0xtx" + id, Wallet, Condition, 0, tokensDelta, usdcDelta, T0.AddMinutes(minute), "clob", isMaker, false, 0, 1);

    public static DateTime At(int minute) => T0.AddMinutes(minute);
}
