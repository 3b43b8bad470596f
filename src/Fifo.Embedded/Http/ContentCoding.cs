using System.IO.Compression;
using ClickHouse.Driver.Compression;
using Fifo.Embedded.Engine;
using Microsoft.Extensions.Primitives;
using ZstdSharp;

namespace Fifo.Embedded.Http;

/// <summary>
/// The HTTP content codings ClickHouse speaks: request bodies in any of them, responses in the one ClickHouse would
/// pick from Accept-Encoding (its fixed preference: zstd, br, lz4, gzip, deflate). lz4 is the LZ4 frame format;
/// deflate is zlib (RFC 1950) on the way out and either zlib or raw deflate on the way in. Every encoder must emit
/// what it holds on Flush (see <see cref="QueryResponse.FailAsync"/>).
/// </summary>
internal static class ContentCoding
{
    private static readonly string[] ResponsePreference = ["zstd", "br", "lz4", "gzip", "deflate"];

    public static Stream DecodeRequestBody(Stream body, string? contentEncoding)
    {
        var coding = contentEncoding?.Trim().ToLowerInvariant();
        return coding switch
        {
            null or "" or "identity" or "none" => body,
            "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibOrRawDeflateStream(body),
            "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
            "zstd" => new DecompressionStream(body, leaveOpen: true),
            "lz4" => Lz4Compressor.Default.Decompress(body, leaveOpen: true),
            _ => throw new ChdbQueryException(ErrorCodes.Format(ErrorCodes.UnknownCompressionMethod, "UNKNOWN_COMPRESSION_METHOD",
                $"Unknown Content-Encoding of HTTP request: {contentEncoding}")),
        };
    }

    /// <summary>The coding for the response, or null for none.</summary>
    public static string? ChooseResponseCoding(StringValues acceptEncoding)
    {
        var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in acceptEncoding)
        {
            foreach (var part in (header ?? "").Split(','))
            {
                var token = part.Split(';')[0].Trim();
                if (token.Length > 0 && !part.Contains("q=0", StringComparison.Ordinal))
                    offered.Add(token);
            }
        }
        return ResponsePreference.FirstOrDefault(offered.Contains);
    }

    public static Stream EncodeResponse(Stream body, string coding) => coding switch
    {
        "zstd" => new CompressionStream(body, level: 1, leaveOpen: true),
        "br" => new BrotliStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "lz4" => new Lz4FrameWriteStream(body),
        "gzip" => new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(body, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "Unsupported response coding."),
    };
}
