namespace Fifo.Embedded.Http;

/// <summary>
/// Thrown out of the request after an in-band error block was sent, so Kestrel ends the connection without
/// completing the chunked body (see <see cref="QueryResponse.FailAsync"/>).
/// </summary>
internal sealed class AnswerCutAfterErrorException(int code)
    : Exception($"The answer was cut after an in-band error with code {code}.");
