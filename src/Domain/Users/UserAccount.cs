using System.Security.Cryptography;

namespace Portal.Domain.Users;

/// <summary>
/// Everyone who can sign in. Internal and portal users share one table so that a login (the normalised
/// e-mail) is unique across both, backed by one unique index.
/// </summary>
public abstract class UserAccount
{
    public int Id { get; protected set; }
    public UserKind Kind { get; protected set; }
    public string Login { get; protected set; } = "";
    public string? PasswordHash { get; protected set; }
    /// <summary>Copied into every session cookie; rotating it ends every session on its next request.</summary>
    public string SecurityStamp { get; protected set; } = NewSecurityStamp();
    public DateTimeOffset? LastSignInAt { get; protected set; }
    /// <summary>Optimistic concurrency token: two admins acting on one user at once can't both win.</summary>
    public int Version { get; protected set; }

    public abstract bool CanSignIn { get; }

    public void RecordSignIn(DateTimeOffset now) => LastSignInAt = now;

    /// <summary>Keeps the stored hash current when the hasher asks for a rehash (e.g. more iterations).</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        if (PasswordHash is not null) PasswordHash = passwordHash;
    }

    protected void RotateSecurityStamp() => SecurityStamp = NewSecurityStamp();

    protected void Touch() => Version++;

    private static string NewSecurityStamp() => RandomNumberGenerator.GetHexString(32);
}

public enum UserKind
{
    Internal = 0,
    Portal = 1,
}
