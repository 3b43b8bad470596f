using System.Globalization;
using System.Security.Cryptography;

namespace Fifo.Backfill.Planning;

/// <summary>Run ids that sort by start time and read well in a terminal: <c>20250114-093012-3fa9c1</c>.</summary>
internal static class RunIds
{
    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
}
