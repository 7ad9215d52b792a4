namespace Portal.Infrastructure.Api;

/// <summary>
/// The answer to a POST sent with an <c>Idempotency-Key</c>: a retry with the same key and the same request gets it again
/// instead of doing the work twice. Kept for <see cref="Lifetime"/>.
/// </summary>
public sealed class IdempotentResponse
{
    public const int KeyMaxLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotentResponse() { }

    public IdempotentResponse(
        int apiKeyId, string key, string requestHash, int statusCode, string? contentType, string? location, byte[] body,
        DateTimeOffset createdAt)
    {
        ApiKeyId = apiKeyId;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int ApiKeyId { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>SHA-256 of method, path and body: the same key sent with another request is refused, not answered.</summary>
    public string RequestHash { get; private set; } = "";
    public int StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[] Body { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
}
