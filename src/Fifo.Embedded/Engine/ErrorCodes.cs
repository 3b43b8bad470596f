using System.Globalization;
using System.Net;

namespace Fifo.Embedded.Engine;

/// <summary>ClickHouse error codes the endpoint reads or raises, and the HTTP status ClickHouse gives each.</summary>
internal static class ErrorCodes
{
    public const int BadArguments = 36;
    public const int SyntaxError = 62;
    public const int UnknownCompressionMethod = 89;
    public const int LogicalError = 49;
    public const int CannotDecompress = 271;
    public const int SessionIsLocked = 373;
    public const int TooManySimultaneousQueries = 202;
    public const int QueryWithSameIdIsAlreadyRunning = 216;
    public const int QueryIsTooLarge = 229;
    public const int StreamingNotSupported = BadArguments;
    public const int AccessDenied = 497;
    public const int AuthenticationFailed = 516;

    // Mirrors ClickHouse's src/Server/HTTP/exceptionCodeToHTTPStatus.cpp (codes as errorCodeToName gives them in 26.7).
    private static readonly Dictionary<int, HttpStatusCode> StatusByCode = Build(
        (HttpStatusCode.Unauthorized, [194]),
        (HttpStatusCode.Forbidden, [192, 193, 516, 512, 497]),
        (HttpStatusCode.BadRequest, [36, 427, 6, 25, 26, 38, 41, 72, 441, 675, 676, 27, 376, 15, 44, 37, 123, 8, 167, 168, 223,
            62, 117, 53, 321]),
        (HttpStatusCode.NotFound, [60, 46, 47, 50, 56, 81, 115, 152, 63, 73, 336, 78, 511]),
        (HttpStatusCode.RequestEntityTooLarge, [229]),
        (HttpStatusCode.NotImplemented, [48]),
        (HttpStatusCode.ServiceUnavailable, [209, 76, 439]),
        (HttpStatusCode.LengthRequired, [381]),
        (HttpStatusCode.RequestTimeout, [159]),
        (HttpStatusCode.UnsupportedMediaType, [779]));

    public static HttpStatusCode ToHttpStatus(int code) =>
        StatusByCode.TryGetValue(code, out var status) ? status : HttpStatusCode.InternalServerError;

    /// <summary>The N of "Code: N. DB::Exception: ...", or <see cref="LogicalError"/> when the text has none.</summary>
    public static int Parse(string message)
    {
        const string prefix = "Code: ";
        var start = message.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
            return LogicalError;
        start += prefix.Length;
        var end = start;
        while (end < message.Length && char.IsAsciiDigit(message[end]))
            end++;
        return int.TryParse(message.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : LogicalError;
    }

    /// <summary>An error of our own, written the way ClickHouse writes its own.</summary>
    public static string Format(int code, string name, string text) => $"Code: {code}. DB::Exception: {text}. ({name})";

    private static Dictionary<int, HttpStatusCode> Build(params (HttpStatusCode Status, int[] Codes)[] groups) =>
        groups.SelectMany(g => g.Codes.Select(code => (code, g.Status))).ToDictionary(x => x.code, x => x.Status);
}
