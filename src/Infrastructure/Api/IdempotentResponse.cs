namespace Portal.Infrastructure.Api;

/// <summary>
/// The answer to a POST sent with an <c>Idempotency-Key</c>: a retry with the same key and the same request gets it again
/// instead of doing the work twice. Kept for <see cref="Lifetime"/>. The row is written before the work starts, as a
/// reservation of the key (<see cref="InProgress"/>): a second request with the key, sent while the first still runs, finds
/// it and is refused instead of doing the work a second time.
/// </summary>
public sealed class IdempotentResponse
{
    public const int KeyMaxLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// A reservation this old belongs to a request that will never finish (its instance stopped mid-way): a retry may take the
    /// key over. Far longer than any request may run.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private IdempotentResponse() { }

    private IdempotentResponse(int apiKeyId, string key, string requestHash, DateTimeOffset createdAt)
    {
        ApiKeyId = apiKeyId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    /// <summary>Claims the key for a request about to run; it has no answer yet.</summary>
    public static IdempotentResponse Reserve(int apiKeyId, string key, string requestHash, DateTimeOffset now) =>
        new(apiKeyId, key, requestHash, now);

    public long Id { get; private set; }
    public int ApiKeyId { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>SHA-256 of method, path and body: the same key sent with another request is refused, not answered.</summary>
    public string RequestHash { get; private set; } = "";
    /// <summary>0 while the request that reserved the key still runs.</summary>
    public int StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[] Body { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    public bool InProgress => StatusCode == 0;
}
