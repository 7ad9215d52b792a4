namespace Portal.Domain.Users;

/// <summary>A single-use second factor for when the authenticator is lost; stored only as a hash.</summary>
public sealed class RecoveryCode
{
    private RecoveryCode() { }

    internal RecoveryCode(string codeHash) => CodeHash = codeHash;

    public int Id { get; private set; }
    public int UserAccountId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public DateTimeOffset? UsedAt { get; private set; }

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now;
}
