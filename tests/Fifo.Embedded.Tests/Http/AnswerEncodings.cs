using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>Every Accept-Encoding the embedded endpoint answers in (null: none), for tests that read answers.</summary>
public static class AnswerEncodings
{
    public static TheoryData<string?> All => new() { null, "zstd", "lz4", "gzip", "deflate", "br" };
}
