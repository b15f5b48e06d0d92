using System.Text.Json.Serialization;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// An error body: <c>{"__type": "[namespace#]Name", "message": "..."}</c>; some services spell the message key
/// <c>Message</c>, which the case-insensitive reader accepts.
/// </summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message);
