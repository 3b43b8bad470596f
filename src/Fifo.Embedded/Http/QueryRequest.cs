namespace Fifo.Embedded.Http;

/// <summary>What a ClickHouse HTTP request asks for, apart from the statement text itself.</summary>
internal sealed record QueryRequest
{
    public required string QueryId { get; init; }

    /// <summary>The query URL/form parameter; when a body follows it, the two are joined by a newline.</summary>
    public string? QueryParameter { get; init; }

    public string? Database { get; init; }

    public string? SessionId { get; init; }

    public TimeSpan? SessionTimeout { get; init; }

    public string DefaultFormat { get; init; } = "TabSeparated";

    public bool EnableHttpCompression { get; init; }

    /// <summary>Buffer the whole answer before sending it, so a late error still gets a proper status.</summary>
    public bool WaitEndOfQuery { get; init; }

    /// <summary>param_name=value pairs for {name:Type} placeholders, names without the prefix.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Every other URL parameter: a ClickHouse setting for this request only.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
