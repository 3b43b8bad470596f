using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fifo.Backfill.Runs;

/// <summary>How a run's request and settings are written into the runs table (readable JSON, enums by name).</summary>
internal static class BookkeepingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"The recorded {what} is empty.");
}
