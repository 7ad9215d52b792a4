using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>
/// One signed-in device of an account, kept on the server so that signing out, "sign out everywhere" and ending a session
/// from the list take effect even for a copy of the cookie. The cookie carries a random token; only its hash is stored.
/// </summary>
public sealed class UserSession : AggregateRoot
{
    public const int IpAddressMaxLength = 45;
    public const int UserAgentMaxLength = 512;

    private UserSession() { }

    public int Id { get; private set; }
    public int UserAccountId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    /// <summary>The absolute lifetime's end: however active, the session is over then.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public static UserSession Start(int userAccountId, IssuedToken token, DateTimeOffset startedAt, DateTimeOffset now,
        TimeSpan absoluteLifetime, string? ipAddress, string? userAgent) => new()
        {
            UserAccountId = userAccountId,
            TokenHash = token.Hash,
            StartedAt = startedAt,
            LastSeenAt = now,
            ExpiresAt = startedAt + absoluteLifetime,
            IpAddress = AddressOf(ipAddress),
            UserAgent = Truncated(userAgent, UserAgentMaxLength),
        };

    /// <summary>Ends the session; ending it again changes nothing.</summary>
    public void End(DateTimeOffset now) => EndedAt ??= now;

    /// <summary>The client address as stored: cut to the column's length.</summary>
    public static string? AddressOf(string? ipAddress) => Truncated(ipAddress, IpAddressMaxLength);

    private static string? Truncated(string? value, int maxLength) =>
        value is { Length: var length } && length > maxLength ? value[..maxLength] : value;
}
