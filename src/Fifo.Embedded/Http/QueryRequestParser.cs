using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Fifo.Embedded.Http;

/// <summary>Reads URL (and multipart form) parameters the way ClickHouse's HTTP handler does.</summary>
internal static class QueryRequestParser
{
    private const string ParameterPrefix = "param_";

    // URL parameters the HTTP handler consumes itself; everything else is a setting. Settings that only shape the
    // HTTP exchange are consumed too, so they do not cost a SET per request.
    private static readonly HashSet<string> HandlerParameters = new(StringComparer.Ordinal)
    {
        "query", "database", "default_format", "session_id", "session_timeout", "session_check", "query_id",
        "enable_http_compression", "http_zlib_compression_level", "compress", "decompress", "user", "password",
        "quota_key", "buffer_size", "wait_end_of_query", "stacktrace", "role", "client_protocol_version",
        "close_session", "send_progress_in_http_headers", "http_headers_progress_interval_ms", "http_response_buffer_size",
        "http_wait_end_of_query", "http_write_exception_in_output_format", "add_http_cors_header",
    };

    /// <param name="idempotentMethod">GET or HEAD: as ClickHouse does, such a request is read-only (readonly = 2,
    /// settings may still change) unless it asked for readonly = 1 itself.</param>
    public static QueryRequest Parse(IQueryCollection query, IFormCollection? form, bool idempotentMethod = false)
    {
        var all = query.Select(p => (p.Key, p.Value)).ToList();
        if (form is not null)
            all.AddRange(form.Select(p => (p.Key, p.Value)));

        var parameters = new List<KeyValuePair<string, string>>();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in all)
        {
            var value = Last(values);
            if (key.StartsWith(ParameterPrefix, StringComparison.Ordinal))
                parameters.Add(new(key[ParameterPrefix.Length..], value));
            else if (!HandlerParameters.Contains(key))
                settings[key] = value;
        }

        if (idempotentMethod && (!settings.TryGetValue("readonly", out var readOnly) || readOnly == "0"))
            settings["readonly"] = "2";

        string? Get(string name) => form?.TryGetValue(name, out var f) == true ? Last(f)
            : query.TryGetValue(name, out var q) ? Last(q) : null;

        return new QueryRequest
        {
            QueryId = NullIfEmpty(Get("query_id")) ?? Guid.NewGuid().ToString(),
            QueryParameter = NullIfEmpty(Get("query")),
            Database = NullIfEmpty(Get("database")),
            SessionId = NullIfEmpty(Get("session_id")),
            SessionTimeout = int.TryParse(Get("session_timeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null,
            DefaultFormat = NullIfEmpty(Get("default_format")) ?? "TabSeparated",
            EnableHttpCompression = IsTrue(Get("enable_http_compression")),
            WaitEndOfQuery = IsTrue(Get("wait_end_of_query")),
            Parameters = parameters,
            Settings = settings,
        };
    }

    private static string Last(StringValues values) => values.Count == 0 ? "" : values[values.Count - 1] ?? "";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsTrue(string? value) => value is not null
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
