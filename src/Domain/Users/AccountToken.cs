namespace Portal.Domain.Users;

/// <summary>
/// A one-time link for an existing account (password reset, e-mail change confirmation). Like an
/// invitation, only the SHA-256 of its token is stored.
/// </summary>
public sealed class AccountToken
{
    private AccountToken() { }

    internal AccountToken(
        AccountTokenPurpose purpose,
        string tokenHash,
        DateTimeOffset createdAt,
        DateTimeOffset expiresAt,
        string? newEmail)
    {
        Purpose = purpose;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        NewEmail = newEmail;
    }

    public int Id { get; private set; }
    public int UserAccountId { get; private set; }
    public AccountTokenPurpose Purpose { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }
    /// <summary>For an e-mail change: the address that becomes the login once confirmed.</summary>
    public string? NewEmail { get; private set; }

    public bool IsOpen => UsedAt is null && VoidedAt is null;

    public bool IsUsable(DateTimeOffset now) => IsOpen && now < ExpiresAt;

    internal void Void(DateTimeOffset now)
    {
        if (IsOpen) VoidedAt = now;
    }

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now;
}
